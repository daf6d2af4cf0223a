import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../../net/http';
import type { MeetingApi } from '../../net/meeting-api';
import type { Meeting } from '../../net/protocol';
import { LocaleChangeEvent, localeStore } from '../../state/locale-store';
import { type MessageKey, t } from './messages';
import { StoreController } from '../../shared/store-controller';
import { errorText } from '../casefile/case-editor';
import { dateTime, phaseLabel } from './format';

/** `#/meetings`: upcoming/live and past meetings; municipality users get a create button. */
@customElement('yoriai-meeting-list')
export class MeetingList extends LitElement {
  @property({ attribute: false }) api?: Pick<MeetingApi, 'list'>;
  @property({ attribute: false }) token: string | null = null;
  @property({ type: Boolean }) canCreate = false;

  @state() private upcoming: Meeting[] | null = null;
  @state() private past: Meeting[] = [];
  @state() private error: ApiError | null = null;

  constructor() {
    super();
    new StoreController(this, localeStore, LocaleChangeEvent.type);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.api || !this.token) return;
    try {
      const [upcoming, past] = await Promise.all([this.api.list(this.token, 'upcoming'), this.api.list(this.token, 'past')]);
      this.upcoming = upcoming;
      this.past = past;
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
    }
  }

  protected override render() {
    return html`
      <section class="card card--wide" aria-labelledby="meetings-heading">
        <div class="page-head">
          <h1 id="meetings-heading" class="card__title" tabindex="-1">${t('meetings.title')}</h1>
          ${this.canCreate
            ? html`<a id="new-meeting" class="button button--primary" href="#/meetings/new">${t('meetings.create')}</a>`
            : nothing}
        </div>
        ${this.error ? html`<p class="alert" role="alert">${errorText(this.error)}</p>` : nothing}
        ${this.upcoming === null && !this.error ? html`<p class="hint" aria-busy="true">${t('common.loading')}</p>` : nothing}
        <h2 class="section-title">${t('meetings.upcoming')}</h2>
        ${this.renderList('meeting-list', this.upcoming ?? [])}
        ${this.past.length > 0
          ? html`<h2 class="section-title">${t('meetings.past')}</h2>${this.renderList('meeting-list-past', this.past)}`
          : nothing}
      </section>
    `;
  }

  private renderList(id: string, meetings: Meeting[]) {
    return html`
      <ul id=${id} class="item-list">
        ${meetings.map(
          (m) => html`<li class="item-list__item meeting-item" data-meeting-id=${m.id}>
            <a class="item-list__link" href="#/meetings/${encodeURIComponent(m.id)}">${m.title}</a>
            <span class="state-badge__value" data-state=${m.state}>${stateLabel(m.state)}</span>
            <span class="item-list__meta">
              ${m.startsAt ? t('meetings.startsAt', { date: dateTime(m.startsAt) }) : ''}
              ${m.state === 'live' && m.phase ? ` · ${phaseLabel(m.phase)}` : ''}
            </span>
          </li>`,
        )}
      </ul>
      ${meetings.length === 0 && this.upcoming !== null ? html`<p class="hint">${t('meetings.empty')}</p>` : nothing}
    `;
  }
}

function stateLabel(state: string): string {
  return ['scheduled', 'live', 'closed'].includes(state) ? t(`meetingState.${state}` as MessageKey) : state;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-meeting-list': MeetingList;
  }
}
