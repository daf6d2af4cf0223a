import { invalid, listOf } from './case-api';
import { queryString, type HttpClient } from './http';
import { isMeeting, isMeetingEvent, isObject, type CreateMeetingRequest, type Meeting, type MeetingEvent } from './protocol';

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
}
