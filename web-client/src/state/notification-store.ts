import { ApiError } from '../net/http';
import type { Notification, NotificationApi } from '../net/notification-api';
import { TypedEventTarget } from '../shared/typed-events';

/** Dispatched by {@link NotificationStore} whenever what it holds changes. */
export class NotificationChangeEvent extends Event {
  static readonly type = 'notifications-change';
  constructor() {
    super(NotificationChangeEvent.type);
  }
}

export type NotificationGateway = Pick<NotificationApi, 'list' | 'markRead' | 'markAllRead'>;

/**
 * The signed-in account's notifications: the unread count the header shows and the list the
 * お知らせ page shows. The only place they change. The count is asked of the server on every
 * navigation (no socket frame carries it); an answer that left before a later change is dropped,
 * so a slow poll never brings back a count that a mark-read already lowered.
 */
export class NotificationStore extends TypedEventTarget<typeof NotificationChangeEvent.type, NotificationChangeEvent> {
  unread: number | null = null;
  /** The entries loaded so far, newest first; null before the first page. */
  entries: Notification[] | null = null;
  /** Whether the last page was full, so an older one may follow. */
  more = false;
  loading = false;
  error: ApiError | null = null;
  /** Counts changes; an answer is applied only if nothing changed since it was asked for. */
  private version = 0;

  constructor(
    private readonly api: NotificationGateway,
    private readonly pageSize = 20,
  ) {
    super();
  }

  async refreshUnread(): Promise<void> {
    const asked = this.version;
    try {
      const page = await this.api.list({ limit: 1 });
      if (asked === this.version) this.set({ unread: page.unread });
    } catch {
      // the count is a hint; the next navigation asks again
    }
  }

  /** The first page, replacing whatever was loaded. */
  async load(): Promise<void> {
    await this.fetch(undefined);
  }

  /** The next older page. */
  async loadMore(): Promise<void> {
    const last = this.entries?.at(-1);
    if (last) await this.fetch(last.id);
  }

  async markRead(id: string): Promise<void> {
    await this.change(() => this.api.markRead([id]), (entry) => entry.id === id);
  }

  async markAllRead(): Promise<void> {
    await this.change(() => this.api.markAllRead(), () => true);
  }

  /** Forgets everything (signed out). */
  clear(): void {
    this.version++;
    this.set({ unread: null, entries: null, more: false, loading: false, error: null });
  }

  private async fetch(after: string | undefined): Promise<void> {
    const asked = ++this.version;
    this.set({ loading: true, error: null });
    try {
      const page = await this.api.list({ after, limit: this.pageSize });
      if (asked !== this.version) return;
      const entries = after === undefined ? page.notifications : [...(this.entries ?? []), ...page.notifications];
      this.set({ entries, unread: page.unread, more: page.notifications.length === this.pageSize, loading: false });
    } catch (error) {
      if (asked === this.version) this.set({ loading: false, error: asApiError(error) });
    }
  }

  private async change(send: () => Promise<void>, marks: (entry: Notification) => boolean): Promise<void> {
    this.version++;
    this.set({ error: null });
    try {
      await send();
    } catch (error) {
      this.set({ error: asApiError(error) });
      return;
    }
    const now = new Date().toISOString();
    const newlyRead = (this.entries ?? []).filter((entry) => entry.readAt === null && marks(entry)).length;
    this.set({
      entries: this.entries?.map((entry) => (entry.readAt === null && marks(entry) ? { ...entry, readAt: now } : entry)) ?? null,
      unread: this.entries === null || newlyRead === 0 ? this.unread : Math.max(0, (this.unread ?? 0) - newlyRead),
    });
    // the list holds only the pages loaded: the server knows the count over all of them
    await this.refreshUnread();
  }

  private set(changes: Partial<Pick<NotificationStore, 'unread' | 'entries' | 'more' | 'loading' | 'error'>>): void {
    Object.assign(this, changes);
    this.dispatchEvent(new NotificationChangeEvent());
  }
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
}
