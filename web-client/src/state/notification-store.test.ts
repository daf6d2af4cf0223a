import type { Notification, NotificationPage } from '../net/notification-api';
import { NotificationStore, type NotificationGateway } from './notification-store';

/* The notifications store: the header's count and the page's list, and which answer wins. */

function entry(id: string, readAt: string | null = null): Notification {
  return { id, kind: 'proposal_on_own_case', subject: `件名 ${id}`, text: '本文', link: null, createdAt: '2026-12-02T01:00:00Z', readAt };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function gateway(pages: NotificationPage[]): NotificationGateway & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    list: vi.fn(async (options) => {
      calls.push(['list', options]);
      return pages.shift() ?? { notifications: [], unread: 0 };
    }),
    markRead: vi.fn(async (ids) => void calls.push(['read', ids])),
    markAllRead: vi.fn(async () => void calls.push(['all'])),
  };
}

describe('NotificationStore', () => {
  test('the unread count is asked with a one-entry page', async () => {
    const api = gateway([{ notifications: [entry('n1')], unread: 4 }]);
    const store = new NotificationStore(api);
    await store.refreshUnread();
    expect(store.unread).toBe(4);
    expect(api.calls).toEqual([['list', { limit: 1 }]]);
  });

  test('a count that was asked for before a mark-read is dropped when it arrives after it', async () => {
    const slow = deferred<NotificationPage>();
    const api = gateway([{ notifications: [entry('n1'), entry('n2')], unread: 2 }, { notifications: [], unread: 1 }]);
    const store = new NotificationStore(api);
    await store.load();
    vi.mocked(api.list).mockImplementationOnce(() => slow.promise);
    const polling = store.refreshUnread();
    vi.mocked(api.list).mockResolvedValueOnce({ notifications: [], unread: 1 });
    await store.markRead('n1');
    slow.resolve({ notifications: [], unread: 2 });
    await polling;
    expect(store.unread).toBe(1);
    expect(store.entries?.find((e) => e.id === 'n1')?.readAt).not.toBeNull();
    expect(store.entries?.find((e) => e.id === 'n2')?.readAt).toBeNull();
  });

  test('the next page starts after the last entry shown and is added below', async () => {
    const api = gateway([
      { notifications: [entry('n1'), entry('n2')], unread: 3 },
      { notifications: [entry('n3')], unread: 3 },
    ]);
    const store = new NotificationStore(api, 2);
    await store.load();
    expect(store.more).toBe(true);
    await store.loadMore();
    expect(store.entries?.map((e) => e.id)).toEqual(['n1', 'n2', 'n3']);
    expect(store.more).toBe(false);
    expect(api.calls[1]).toEqual(['list', { after: 'n2', limit: 2 }]);
  });

  test('mark all read marks every entry and takes the count from the server', async () => {
    const api = gateway([{ notifications: [entry('n1'), entry('n2', '2026-12-01T00:00:00Z')], unread: 1 }, { notifications: [], unread: 0 }]);
    const store = new NotificationStore(api);
    await store.load();
    await store.markAllRead();
    expect(store.entries?.every((e) => e.readAt !== null)).toBe(true);
    expect(store.unread).toBe(0);
    expect(api.calls).toContainEqual(['all']);
  });

  test('a refused mark-read keeps the entry unread and says why', async () => {
    const api = gateway([{ notifications: [entry('n1')], unread: 1 }]);
    vi.mocked(api.markRead).mockRejectedValueOnce(new Error('offline'));
    const store = new NotificationStore(api);
    await store.load();
    await store.markRead('n1');
    expect(store.entries?.[0].readAt).toBeNull();
    expect(store.unread).toBe(1);
    expect(store.error?.code).toBe('unexpected');
  });

  test('signing out forgets the count and the list', async () => {
    const store = new NotificationStore(gateway([{ notifications: [entry('n1')], unread: 1 }]));
    await store.load();
    store.clear();
    expect(store.unread).toBeNull();
    expect(store.entries).toBeNull();
  });
});
