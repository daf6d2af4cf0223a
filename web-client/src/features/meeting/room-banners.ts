import { html, nothing, type TemplateResult } from 'lit';
import type { Meeting } from '../../net/protocol';
import { dateTimeLabel } from '../../shared/format';
import { safeUrl } from '../../shared/safe-url';
import { t } from './messages';

/**
 * Where a meeting is in its comment window (`commentOpensAt` … `commentClosesAt`, docs/protocol.md):
 * `not-open` before it opens, `before` between then and the live session, `live`, `after` once
 * closed while comments are still taken, `ended` once the window has closed.
 */
export type CommentWindow =
  | { readonly state: 'not-open'; readonly opensAt: string }
  | { readonly state: 'before'; readonly startsAt: string }
  | { readonly state: 'live' }
  | { readonly state: 'after'; readonly closesAt: string | null }
  | { readonly state: 'ended'; readonly closesAt: string };

export function commentWindow(meeting: Meeting | null, started: boolean, closed: boolean, now: number): CommentWindow {
  const opensAt = timeOf(meeting?.commentOpensAt);
  // a meeting closed live has no commentClosesAt until it is read again; the server still decides
  const closesAt = timeOf(meeting?.commentClosesAt);
  if (closed) {
    return closesAt !== null && now > Date.parse(closesAt) ? { state: 'ended', closesAt } : { state: 'after', closesAt };
  }
  if (opensAt !== null && now < Date.parse(opensAt)) return { state: 'not-open', opensAt };
  if (!started && meeting?.state !== 'live') return { state: 'before', startsAt: meeting?.startsAt ?? '' };
  return { state: 'live' };
}

/** Whether a participant may post, propose and endorse now (the server checks it again). */
export function commentsOpen(comments: CommentWindow): boolean {
  return comments.state !== 'not-open' && comments.state !== 'ended';
}

export function windowBanner(comments: CommentWindow): TemplateResult | typeof nothing {
  switch (comments.state) {
    case 'not-open':
      return banner('not-open', t('window.notOpen', { date: dateTimeLabel(comments.opensAt) }));
    case 'before':
      return banner('before', comments.startsAt ? t('window.before', { date: dateTimeLabel(comments.startsAt) }) : t('window.beforeUndated'));
    case 'after':
      return banner('after', comments.closesAt ? t('window.after', { date: dateTimeLabel(comments.closesAt) }) : t('window.afterUndated'));
    case 'ended':
      return banner('ended', t('window.ended', { date: dateTimeLabel(comments.closesAt) }));
    default:
      return nothing;
  }
}

function banner(state: CommentWindow['state'], text: string): TemplateResult {
  const closed = state === 'not-open' || state === 'ended';
  return html`<p id="comment-window" class="notice ${closed ? 'notice--error' : 'notice--info'}" data-state=${state}>${text}</p>`;
}

/** The meeting's video-call link when it is an https URL, else null (never `javascript:` or http). */
export function callUrlOf(meeting: Meeting | null): string | null {
  const value = meeting?.callUrl;
  return typeof value === 'string' ? safeUrl(value, ['https:']) : null;
}

export function callLink(meeting: Meeting | null): TemplateResult | typeof nothing {
  const url = callUrlOf(meeting);
  return url
    ? html`<a id="call-join" class="button button--primary" href=${url} target="_blank" rel="noopener noreferrer">
        ${t('room.callJoin')}<span class="visually-hidden">${t('room.newTab')}</span></a>`
    : nothing;
}

function timeOf(value: unknown): string | null {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null;
}
