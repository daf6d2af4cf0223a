import type { CatalogService } from '../../net/catalog-api';
import { isObject, type CaseFile, type Meeting, type User } from '../../net/protocol';
import { meetingItem, type MeetingItem } from '../meeting/meeting-item';

/** A closed meeting the host still has to finish: write a まとめ (some case has none) or publish. */
export interface MeetingToFinish {
  meeting: MeetingItem;
  next: 'summary' | 'publish';
}

/** What the home page offers each role to do next (PRODUCT §2). */
export type NextSteps =
  | { kind: 'host'; drafts: CaseFile[]; hosting: MeetingItem[]; toFinish: MeetingToFinish[] }
  | { kind: 'participant'; meetings: MeetingItem[]; services: CatalogService[] | null }
  | { kind: 'admin' };

/**
 * A host's next steps: its organization's drafts, the upcoming meetings it hosts, and its closed
 * meetings with a case not yet published — a まとめ to write while a case has none, else publishing.
 */
export function hostSteps(user: User, cases: readonly CaseFile[], upcoming: readonly Meeting[], past: readonly Meeting[]): NextSteps {
  const states = new Map(cases.map((c) => [c.id, c.state]));
  const mine = (m: Meeting) => m.hostId === user.id;
  const toFinish = past
    .filter((m) => mine(m) && m.state === 'closed' && m.caseIds.some((id) => states.get(id) !== 'published'))
    .map((m): MeetingToFinish => {
      const summaries = isObject(m.summaries) ? m.summaries : {};
      return { meeting: meetingItem(m), next: m.caseIds.every((id) => isObject(summaries[id])) ? 'publish' : 'summary' };
    });
  return {
    kind: 'host',
    drafts: cases.filter((c) => c.state === 'draft'),
    hosting: upcoming.filter(mine).map(meetingItem),
    toFinish,
  };
}
