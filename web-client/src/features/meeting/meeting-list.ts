import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MeetingApi } from '../../net/meeting-api';
import type { Meeting } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { meetingItem, renderMeetingItem } from './meeting-item';
import { t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/** `#/meetings`: upcoming/live and past meetings; municipality users get a create button. */
@customElement('yoriai-meeting-list')
export class MeetingList extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<MeetingApi, 'list'>;
  @property({ type: Boolean }) canCreate = false;

  private readonly meetings = new KeyedLoad(this, async () => {
    const [upcoming, past] = await Promise.all([this.api!.list('upcoming'), this.api!.list('past')]);
    return { upcoming, past };
  });

  protected override willUpdate(): void {
    this.meetings.refresh(this.api ? 'meetings' : null);
  }

  protected override render() {
    const error = this.meetings.error;
    const upcoming = this.meetings.result?.upcoming ?? null;
    const past = this.meetings.result?.past ?? [];
    return html`
      <section class="card card--wide" aria-labelledby="meetings-heading">
        <div class="page-head">
          <h1 id="meetings-heading" class="card__title" tabindex="-1">${t('meetings.title')}</h1>
          ${this.canCreate
            ? html`<a id="new-meeting" class="button button--primary" href="/#/meetings/new">${t('meetings.create')}</a>`
            : nothing}
        </div>
        ${error ? html`<p class="alert" role="alert">${errorText(error)}</p>` : nothing}
        ${upcoming === null && !error ? html`<p class="hint" aria-busy="true">${t('common.loading')}</p>` : nothing}
        <h2 class="section-title">${t('meetings.upcoming')}</h2>
        ${this.renderList('meeting-list', upcoming ?? [])}
        ${past.length > 0
          ? html`<h2 class="section-title">${t('meetings.past')}</h2>${this.renderList('meeting-list-past', past)}`
          : nothing}
      </section>
    `;
  }

  private renderList(id: string, meetings: Meeting[]) {
    return html`
      <ul id=${id} class="item-list">
        ${meetings.map((m) => renderMeetingItem(meetingItem(m)))}
      </ul>
      ${meetings.length === 0 && this.meetings.result !== null ? html`<p class="hint">${t('meetings.empty')}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-meeting-list': MeetingList;
  }
}
