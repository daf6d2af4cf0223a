import { toEntry, type ArchiveEntry } from './archive-api';
import { ASSESSMENT_DOMAINS, invalid, listOf, type AssessmentDomain, type AssessmentDomainName } from './case-api';
import { queryString, type HttpClient } from './http';
import {
  isMeeting,
  isMeetingEvent,
  isObject,
  isPiiFinding,
  type CaseSheet,
  type CreateMeetingRequest,
  type Meeting,
  type MeetingEvent,
  type PiiFinding,
} from './protocol';
import type { Summary } from './protocol.generated';

/** Personal information that would block publishing: `field` is a path into the entry of case `caseId`. */
export interface PublicationFinding extends PiiFinding {
  caseId: string;
}

/** What publishing the meeting would make public, one entry per case, and what blocks it. */
export interface Publication {
  entries: ArchiveEntry[];
  findings: PublicationFinding[];
}

/** A meeting request with the link to the video call the municipality already uses (https only). */
export type NewMeeting = CreateMeetingRequest & { callUrl?: string };

/** A case sheet of the meeting's agenda as every participant reads it (anonymized, read-only). */
export interface MeetingCase extends CaseSheet {
  id?: string;
  assessment: Partial<Record<AssessmentDomainName, AssessmentDomain>>;
}

/** An open meeting on the public calendar (`GET /api/v1/meetings/public`): no case details. */
export interface CalendarEntry {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  prefecture?: string;
  hostOrganization?: string;
  state: string;
  /** Only when the calendar was read signed in. */
  registered?: boolean;
}

/** The public calendar as an iCalendar feed, for calendar apps. */
export const CALENDAR_FEED_PATH = '/api/v1/meetings/public.ics';

function isCalendarEntry(value: unknown): value is CalendarEntry {
  return isObject(value) && typeof value.id === 'string' && typeof value.title === 'string'
    && typeof value.startsAt === 'string' && typeof value.endsAt === 'string';
}

/** The meeting endpoints of §7 / docs/protocol.md. */
export class MeetingApi {
  constructor(private readonly http: HttpClient) {}

  async list(when: 'upcoming' | 'past' = 'upcoming'): Promise<Meeting[]> {
    const response = await this.http.get<unknown>(`/api/v1/meetings?when=${when}`, { signedIn: true });
    return listOf(response, 'meetings').filter(isMeeting);
  }

  /** `inviteCode`: an invited account reads an invite-only meeting with its code before it has joined. */
  async get(id: string, inviteCode?: string): Promise<Meeting> {
    const response = await this.http.get<unknown>(
      `/api/v1/meetings/${encodeURIComponent(id)}${queryString({ inviteCode })}`,
      { signedIn: true },
    );
    if (!isMeeting(response)) throw invalid('meeting');
    return response;
  }

  async create(request: NewMeeting): Promise<Meeting> {
    const response = await this.http.post<unknown>('/api/v1/meetings', { signedIn: true, body: request });
    if (!isMeeting(response)) throw invalid('meeting');
    return response;
  }

  async events(id: string, after: number, limit = 500): Promise<MeetingEvent[]> {
    const response = await this.http.get<unknown>(
      `/api/v1/meetings/${encodeURIComponent(id)}/events?after=${after}&limit=${limit}`,
      { signedIn: true },
    );
    if (!isObject(response) || !Array.isArray(response.events)) throw invalid('events');
    return response.events.filter(isMeetingEvent);
  }

  /**
   * Replaces the まとめ (host; summary phase or after close). With `caseId`, the summary of that case
   * of the agenda; without, the meeting's one summary. Rejects with 422 `pii_found` (findings in `details`).
   */
  async updateSummary(id: string, summary: Summary, caseId?: string): Promise<Meeting> {
    const path = caseId === undefined
      ? `/api/v1/meetings/${encodeURIComponent(id)}/summary`
      : `/api/v1/meetings/${encodeURIComponent(id)}/cases/${encodeURIComponent(caseId)}/summary`;
    const response = await this.http.put<unknown>(path, { signedIn: true, body: summary });
    if (!isMeeting(response)) throw invalid('meeting');
    return response;
  }

  /** The preview of publishing (host, after close): nothing is stored. */
  async publication(id: string, signal?: AbortSignal): Promise<Publication> {
    const response = await this.http.get<unknown>(`/api/v1/meetings/${encodeURIComponent(id)}/publication`, { signedIn: true, signal });
    if (!isObject(response) || !Array.isArray(response.entries)) throw invalid('publication');
    const findings = Array.isArray(response.findings) ? response.findings : [];
    return {
      entries: entriesOf(response.entries),
      findings: findings.filter((f): f is PublicationFinding => isPiiFinding(f) && typeof (f as { caseId?: unknown }).caseId === 'string'),
    };
  }

  /** Publishes every case of the closed meeting; the public entries. Rejects with 422 `pii_found` while findings remain. */
  async publish(id: string): Promise<ArchiveEntry[]> {
    const response = await this.http.post<unknown>(`/api/v1/meetings/${encodeURIComponent(id)}/publish`, { signedIn: true });
    if (!isObject(response) || !Array.isArray(response.entries)) throw invalid('published entries');
    return entriesOf(response.entries);
  }

  /** Open meetings to come; `signedIn`: also whether this account registered for each. */
  async calendar(signedIn: boolean, signal?: AbortSignal): Promise<CalendarEntry[]> {
    const response = await this.http.get<unknown>('/api/v1/meetings/public?when=upcoming', { signedIn, signal });
    return listOf(response, 'meetings').filter(isCalendarEntry);
  }

  /** Host: mails an invitation (with the meeting as .ics) to each address; how many were invited. 400 names `emails[i]`. */
  async invite(id: string, emails: string[]): Promise<number> {
    const response = await this.http.post<unknown>(`/api/v1/meetings/${encodeURIComponent(id)}/invitations`,
      { signedIn: true, body: { emails } });
    if (!isObject(response) || typeof response.invited !== 'number') throw invalid('invitations');
    return response.invited;
  }

  /** Registers for the meeting (again is harmless). */
  async register(id: string): Promise<void> {
    await this.http.post<unknown>(`/api/v1/meetings/${encodeURIComponent(id)}/registrations`, { signedIn: true });
  }

  async withdraw(id: string): Promise<void> {
    await this.http.request<unknown>('DELETE', `/api/v1/meetings/${encodeURIComponent(id)}/registrations`, { signedIn: true });
  }

  /** `GET /api/v1/meetings/{id}/cases`: the agenda's case sheets, for anyone who may join the meeting. */
  async cases(id: string, inviteCode?: string, signal?: AbortSignal): Promise<MeetingCase[]> {
    const response = await this.http.get<unknown>(
      `/api/v1/meetings/${encodeURIComponent(id)}/cases${queryString({ inviteCode })}`,
      { signedIn: true, signal },
    );
    if (!isObject(response) || !Array.isArray(response.cases)) throw invalid('meeting cases');
    return response.cases.filter(isObject).map(toMeetingCase);
  }
}

function entriesOf(values: unknown[]): ArchiveEntry[] {
  return values.map(toEntry).filter((entry): entry is ArchiveEntry => entry !== null);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const rows = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Read leniently: a missing part of the sheet shows as empty rather than failing the whole panel. */
function toMeetingCase(value: Record<string, unknown>): MeetingCase {
  const person = isObject(value.person) ? value.person : {};
  const assessment = isObject(value.assessment) ? value.assessment : {};
  const domains: Partial<Record<AssessmentDomainName, AssessmentDomain>> = {};
  for (const name of ASSESSMENT_DOMAINS) {
    const domain = assessment[name];
    if (isObject(domain) && (text(domain.intention) || text(domain.issue))) {
      domains[name] = { intention: text(domain.intention), issue: text(domain.issue) };
    }
  }
  const gender = text(person.gender);
  return {
    id: typeof value.id === 'string' ? value.id : undefined,
    title: text(value.title),
    prefecture: text(value.prefecture),
    provider: text(value.provider) || undefined,
    person: {
      ageBand: text(person.ageBand),
      gender: gender === 'female' || gender === 'male' || gender === 'other' ? gender : undefined,
      careLevel: text(person.careLevel),
      household: text(person.household),
      housing: text(person.housing),
      health: text(person.health),
    },
    activities: rows(value.activities).map((a) => ({
      activity: text(a.activity), level: text(a.level), canDo: text(a.canDo), difficulty: text(a.difficulty),
    })),
    wishes: text(value.wishes),
    supports: rows(value.supports).map((s) => ({
      kind: s.kind === 'informal' || s.kind === 'market' ? s.kind : 'formal',
      description: text(s.description),
    })),
    questions: text(value.questions),
    assessment: domains,
  };
}
