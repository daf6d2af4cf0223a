import { html, nothing } from 'lit';
import type { PublicMeeting } from '../../net/home-api';
import type { Meeting } from '../../net/protocol';
import { dateTimeLabel } from '../../shared/format';
import { phaseLabel } from './format';
import { type MessageKey, t } from './messages';

/** What a list shows of a meeting: the signed-in listings and the public one alike. */
export type MeetingItem = PublicMeeting & { readonly phase?: string | null };

/** A signed-in listing's meeting in the shape the lists show. */
export function meetingItem(meeting: Meeting): MeetingItem {
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt ?? '',
    state: String(meeting.state),
    caseCount: meeting.caseIds.length,
    phase: meeting.phase,
  };
}

/**
 * One meeting in a list (the meetings page, the home page's lists): a link to its room (signed
 * out, the room's address asks to sign in first and then opens it), its state, start, phase while
 * live, case count, and `action` if any. `listClass` marks which list it is in.
 */
export function renderMeetingItem(meeting: MeetingItem, listClass = '', action: unknown = nothing) {
  return html`<li class="item-list__item meeting-item ${listClass}" data-meeting-id=${meeting.id}>
    <a class="item-list__link" href="/#/meetings/${encodeURIComponent(meeting.id)}">${meeting.title}</a>
    <span class="state-badge__value" data-state=${meeting.state}>${stateLabel(meeting.state)}</span>
    <span class="item-list__meta">
      ${meeting.startsAt ? t('meetings.startsAt', { date: dateTimeLabel(meeting.startsAt) }) : ''}
      ${meeting.state === 'live' && meeting.phase ? ` · ${phaseLabel(meeting.phase)}` : ''}
      ${meeting.caseCount > 0 ? ` · ${t('meetings.caseCount', { count: meeting.caseCount })}` : ''}
    </span>
    ${action}
  </li>`;
}

function stateLabel(state: string): string {
  return ['scheduled', 'live', 'closed'].includes(state) ? t(`meetingState.${state}` as MessageKey) : state;
}
