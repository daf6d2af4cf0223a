import { invalid, listOf } from './case-api';
import { queryString, type HttpClient } from './http';
import {
  isMeeting,
  isMeetingEvent,
  isObject,
  type CaseSheet,
  type CreateMeetingRequest,
  type Meeting,
  type MeetingEvent,
} from './protocol';

/** A meeting request with the link to the video call the municipality already uses (https only). */
export type NewMeeting = CreateMeetingRequest & { callUrl?: string };

export const ASSESSMENT_DOMAINS = ['movement', 'dailyLife', 'socialParticipation', 'healthManagement'] as const;
export type AssessmentDomainName = (typeof ASSESSMENT_DOMAINS)[number];

/** One domain of the 介護予防サービス・支援計画書: 本人・家族の意欲・意向 and 課題. */
export interface AssessmentDomain {
  intention: string;
  issue: string;
}

/** A case sheet of the meeting's agenda as every participant reads it (anonymized, read-only). */
export interface MeetingCase extends CaseSheet {
  id?: string;
  assessment: Partial<Record<AssessmentDomainName, AssessmentDomain>>;
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
