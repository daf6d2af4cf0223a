import { toEntry, type ArchiveEntry } from './archive-api';
import { invalid, listOf } from './case-api';
import { queryString, type HttpClient } from './http';
import { isMeeting, isMeetingEvent, isObject, isPiiFinding, type CreateMeetingRequest, type Meeting, type MeetingEvent, type PiiFinding } from './protocol';
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

  async create(request: CreateMeetingRequest): Promise<Meeting> {
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
}

function entriesOf(values: unknown[]): ArchiveEntry[] {
  return values.map(toEntry).filter((entry): entry is ArchiveEntry => entry !== null);
}
