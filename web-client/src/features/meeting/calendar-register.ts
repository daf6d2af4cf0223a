import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../../net/http';
import type { MeetingApi } from '../../net/meeting-api';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { LocalizedElement } from '../../shared/localized-element';
import { entryMeta } from './meeting-calendar';
import { t } from './messages';

/**
 * `#/calendar/{id}/register` signed in (a visitor signs in there first): the meeting as the calendar
 * lists it and a 参加登録する button. Opening a link never registers anyone; the person decides here.
 */
@customElement('yoriai-calendar-register')
export class CalendarRegister extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<MeetingApi, 'calendar' | 'register'>;
  @property() meetingId = '';
  @state() private version = 0;
  @state() private busy = false;
  @state() private status = '';
  private readonly entries = new KeyedLoad(this, (signal) => this.api!.calendar(true, signal));

  protected override willUpdate(): void {
    this.entries.refresh(this.api && this.meetingId ? `${this.meetingId}:${this.version}` : null);
  }

  private async register(): Promise<void> {
    if (!this.api || this.busy) return;
    this.busy = true;
    try {
      await this.api.register(this.meetingId);
      this.status = t('calendar.registered');
      this.version += 1;
    } catch (error) {
      this.status = t('calendar.failed', { reason: error instanceof ApiError ? errorText(error) : String(error) });
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const error = this.entries.error;
    const entries = this.entries.result;
    const entry = entries?.find((candidate) => candidate.id === this.meetingId);
    return html`<section class="card" aria-labelledby="calendar-register-heading">
      <h1 id="calendar-register-heading" class="card__title" tabindex="-1">${t('calendar.confirmHeading')}</h1>
      ${error ? html`<p class="alert" role="alert">${errorText(error)}</p>` : nothing}
      ${entries === null && !error ? html`<p class="hint" aria-busy="true">${t('common.loading')}</p>` : nothing}
      ${entries !== null && !entry ? html`<p id="calendar-register-missing" class="alert" role="alert">${t('calendar.notListed')}</p>` : nothing}
      ${entry ? html`<div id="calendar-register-meeting" class="calendar__item" data-meeting-id=${entry.id}>
          <h2 class="calendar__title">${entry.title}</h2>
          ${entry.state === 'live' ? html`<span class="badge">${t('meetingState.live')}</span>` : nothing}
          ${entryMeta(entry)}
        </div>
        <div class="calendar__actions">${entry.registered
          ? html`<span class="badge calendar__registered">${t('calendar.registeredBadge')}</span>`
          : html`<button id="calendar-register-confirm" class="button button--primary" type="button"
              aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.register()}>${t('calendar.confirm')}</button>`}
          ${entry.registered && entry.state === 'live'
            ? html`<a class="button button--primary calendar__open" href="/#/meetings/${encodeURIComponent(entry.id)}">${t('calendar.openRoom')}</a>`
            : nothing}
        </div>` : nothing}
      <p id="calendar-status" class="hint" role="status">${this.status}</p>
      <p><a id="calendar-register-back" href="/#/calendar">${t('calendar.back')}</a></p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-calendar-register': CalendarRegister;
  }
}
