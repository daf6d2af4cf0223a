import { html, nothing } from 'lit';
import type { PublicMeeting } from '../../net/home-api';
import { dateTimeLabel } from '../../shared/format';
import { t } from './messages';

/**
 * One meeting in a home-page list: a link to its room (signed out, the room's address asks to sign
 * in first and then opens it), its start, case count, 開催中 while live, and `action` if any.
 */
export function renderMeeting(meeting: PublicMeeting, action: unknown = nothing) {
  return html`<li class="item-list__item home-meeting" data-meeting-id=${meeting.id}>
    <a class="item-list__link" href="#/meetings/${encodeURIComponent(meeting.id)}">${meeting.title}</a>
    ${meeting.state === 'live' ? html`<span class="state-badge__value" data-state="live">${t('home.live')}</span>` : nothing}
    <span class="item-list__meta">
      ${meeting.startsAt ? t('home.startsAt', { date: dateTimeLabel(meeting.startsAt) }) : ''}
      ${meeting.caseCount > 0 ? ` · ${t('home.caseCount', { count: meeting.caseCount })}` : ''}
    </span>
    ${action}
  </li>`;
}
