import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../../net/http';
import { CALENDAR_FEED_PATH, type CalendarEntry, type MeetingApi } from '../../net/meeting-api';
import type { User } from '../../net/protocol';
import { dateTimeLabel, errorText, timeLabel } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { LocalizedElement } from '../../shared/localized-element';
import { t } from './messages';

/** When and where an entry is: Japan time, prefecture ・ host organization. */
export function entryMeta(entry: CalendarEntry) {
  return html`<span class="item-list__meta">
    <span class="calendar__when">${dateTimeLabel(entry.startsAt)}〜${timeLabel(entry.endsAt)}</span>
    ${[entry.prefecture, entry.hostOrganization].filter(Boolean).map((part) => html` ・ <span>${part}</span>`)}
  </span>`;
}

/**
 * `#/calendar`, public: the open meetings to come (title, Japan time, prefecture, host organization)
 * and the whole list as a calendar feed (.ics). 参加登録 takes a visitor to
 * `#/calendar/{id}/register` (sign in, then confirm) and registers a signed-in account at once; a
 * registered one can withdraw, and open the room once it is live.
 */
@customElement('yoriai-meeting-calendar')
export class MeetingCalendarPage extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<MeetingApi, 'calendar' | 'register' | 'withdraw'>;
  @property({ attribute: false }) user: User | null = null;
  @state() private version = 0;
  @state() private busyId: string | null = null;
  @state() private status = '';
  private readonly entries = new KeyedLoad(this, (signal) => this.api!.calendar(this.user !== null, signal));

  protected override willUpdate(): void {
    this.entries.refresh(this.api ? `${this.user?.id ?? 'visitor'}:${this.version}` : null);
  }

  private async change(id: string, register: boolean): Promise<void> {
    if (!this.api || this.busyId !== null) return;
    this.busyId = id;
    try {
      await (register ? this.api.register(id) : this.api.withdraw(id));
      this.status = t(register ? 'calendar.registered' : 'calendar.withdrawn');
      this.version += 1;
    } catch (error) {
      this.status = t('calendar.failed', { reason: error instanceof ApiError ? errorText(error) : String(error) });
    } finally {
      this.busyId = null;
    }
  }

  protected override render() {
    const entries = this.entries.result;
    const error = this.entries.error;
    return html`<section class="card card--wide" aria-labelledby="calendar-heading">
      <div class="page-head">
        <h1 id="calendar-heading" class="card__title" tabindex="-1">${t('calendar.heading')}</h1>
        <a id="calendar-feed" class="button" href=${CALENDAR_FEED_PATH} download="yoriai-meetings.ics">${t('calendar.feed')}</a>
      </div>
      <p class="hint">${t('calendar.lead')}</p>
      ${error ? html`<p class="alert" role="alert">${errorText(error)}</p>` : nothing}
      ${entries === null && !error ? html`<p class="hint" aria-busy="true">${t('common.loading')}</p>` : nothing}
      <ul id="calendar-list" class="item-list">${(entries ?? []).map((entry) => this.renderEntry(entry))}</ul>
      ${entries !== null && entries.length === 0 ? html`<p class="hint">${t('calendar.empty')}</p>` : nothing}
      <p id="calendar-status" class="hint" role="status">${this.status}</p>
    </section>`;
  }

  private renderEntry(entry: CalendarEntry) {
    const live = entry.state === 'live';
    return html`<li class="item-list__item calendar__item" data-meeting-id=${entry.id}>
      <h2 class="calendar__title">${entry.title}</h2>
      ${live ? html`<span class="badge">${t('meetingState.live')}</span>` : nothing}
      ${entryMeta(entry)}
      <div class="calendar__actions">${this.renderActions(entry, live)}</div>
    </li>`;
  }

  private renderActions(entry: CalendarEntry, live: boolean) {
    const busy = this.busyId === entry.id ? 'true' : 'false';
    if (!this.user) {
      return html`<a class="button button--primary calendar__register" href="/#/calendar/${encodeURIComponent(entry.id)}/register"
        aria-label=${t('calendar.registerFor', { title: entry.title })}>${t('calendar.register')}</a>`;
    }
    const room = live
      ? html`<a class="button button--primary calendar__open" href="/#/meetings/${encodeURIComponent(entry.id)}">${t('calendar.openRoom')}</a>`
      : nothing;
    if (entry.registered) {
      return html`<span class="badge calendar__registered">${t('calendar.registeredBadge')}</span>
        <button class="button calendar__withdraw" type="button" aria-disabled=${busy}
          aria-label=${t('calendar.withdrawFor', { title: entry.title })} @click=${() => this.change(entry.id, false)}>
          ${t('calendar.withdraw')}</button>${room}`;
    }
    return html`<button class="button button--primary calendar__register" type="button" aria-disabled=${busy}
      aria-label=${t('calendar.registerFor', { title: entry.title })} @click=${() => this.change(entry.id, true)}>
      ${t('calendar.register')}</button>${room}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-meeting-calendar': MeetingCalendarPage;
  }
}
