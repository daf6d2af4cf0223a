import { num, str } from './archive-api';
import { invalid } from './case-api';
import { toService, type CatalogService } from './catalog-api';
import { queryString, type HttpClient } from './http';
import { isObject } from './protocol';

/** An open meeting as `GET /api/v1/meetings/upcoming` shows it to anyone, signed in or not. */
export interface PublicMeeting {
  id: string;
  title: string;
  startsAt: string;
  state: string;
  caseCount: number;
}

/** What the home page reads besides the features' own APIs: the public meeting listing and a company's own services. */
export class HomeApi {
  constructor(private readonly http: HttpClient) {}

  /** Open meetings that are live or still to come, soonest first (public). */
  async upcomingMeetings(limit = 5, signal?: AbortSignal): Promise<PublicMeeting[]> {
    const response = await this.http.get<unknown>(`/api/v1/meetings/upcoming${queryString({ limit: String(limit) })}`, { signal });
    if (!isObject(response) || !Array.isArray(response.meetings)) throw invalid('upcoming meetings');
    return response.meetings.filter(isObject).filter((m) => typeof m.id === 'string').map((m) => ({
      id: str(m.id),
      title: str(m.title),
      startsAt: str(m.startsAt),
      state: str(m.state),
      caseCount: num(m.caseCount, 0),
    }));
  }

  /** The signed-in organization's catalog services with how often they were proposed and adopted. */
  async ownServices(signal?: AbortSignal): Promise<CatalogService[]> {
    const response = await this.http.get<unknown>('/api/v1/catalog/services/mine', { signedIn: true, signal });
    if (!isObject(response) || !Array.isArray(response.services)) throw invalid('own services');
    return response.services.map(toService).filter((s): s is CatalogService => s !== null);
  }
}
