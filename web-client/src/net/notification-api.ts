import { str } from './archive-api';
import { invalid } from './case-api';
import { queryString, type HttpClient } from './http';
import { isObject } from './protocol';

/** The kinds whose mail an account may turn off (server: notification/NoticeKind.java); the others are always mailed. */
export const OPTIONAL_KINDS = ['meeting_reminder', 'proposal_on_own_case', 'meeting_published'] as const;
export type OptionalKind = (typeof OPTIONAL_KINDS)[number];

/** One entry of the signed-in account's in-app list, newest first. */
export interface Notification {
  id: string;
  kind: string;
  subject: string;
  text: string;
  /** Where the notice leads (an absolute link, as in its mail), or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  notifications: Notification[];
  /** How many of the account's entries are unread, on every page. */
  unread: number;
}

/** Whether each optional kind is also mailed. */
export type MailPreferences = Record<OptionalKind, boolean>;

/** `/api/v1/notifications` (docs/api.md): the in-app list, read marks and the mail opt-outs; all signed in. */
export class NotificationApi {
  constructor(private readonly http: HttpClient) {}

  /** Entries older than the entry `after` (the first page without it), at most `limit`. */
  async list(options: { after?: string; limit?: number } = {}, signal?: AbortSignal): Promise<NotificationPage> {
    const query = queryString({ after: options.after, limit: options.limit === undefined ? undefined : String(options.limit) });
    const response = await this.http.get<unknown>(`/api/v1/notifications${query}`, { signedIn: true, signal });
    if (!isObject(response) || !Array.isArray(response.notifications) || typeof response.unread !== 'number') {
      throw invalid('notifications');
    }
    return { notifications: response.notifications.filter(isObject).map(toNotification), unread: response.unread };
  }

  async markRead(ids: readonly string[]): Promise<void> {
    await this.http.post<unknown>('/api/v1/notifications/read', { signedIn: true, body: { ids } });
  }

  async markAllRead(): Promise<void> {
    await this.http.post<unknown>('/api/v1/notifications/read', { signedIn: true, body: { all: true } });
  }

  async preferences(signal?: AbortSignal): Promise<MailPreferences> {
    return toPreferences(await this.http.get<unknown>('/api/v1/notifications/preferences', { signedIn: true, signal }));
  }

  async savePreferences(mail: MailPreferences): Promise<MailPreferences> {
    return toPreferences(await this.http.put<unknown>('/api/v1/notifications/preferences', { signedIn: true, body: { mail } }));
  }
}

function toNotification(value: Record<string, unknown>): Notification {
  return {
    id: str(value.id),
    kind: str(value.kind),
    subject: str(value.subject),
    text: str(value.text),
    link: typeof value.link === 'string' && value.link !== '' ? value.link : null,
    createdAt: str(value.createdAt),
    readAt: typeof value.readAt === 'string' ? value.readAt : null,
  };
}

function toPreferences(response: unknown): MailPreferences {
  if (!isObject(response) || !isObject(response.mail)) throw invalid('notification preferences');
  const mail = response.mail;
  // a kind the server does not name is mailed, as it is for an account that never chose
  return Object.fromEntries(OPTIONAL_KINDS.map((kind) => [kind, mail[kind] !== false])) as MailPreferences;
}
