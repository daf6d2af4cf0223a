import type { User } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { mountApp } from '../../test-support/app';
import { get, json, waitFor } from '../../test-support/dom';
import type { YoriaiApp } from '../../app/yoriai-app';
import { inAppHref, localizedPart, localizedSubject } from './notifications-page';

/* お知らせ in the shell: the header's unread count, the list with its read marks, and the mail settings. */

const mayor: User = {
  id: 'u-m',
  email: 'staff@example.jp',
  displayName: '高橋 司',
  role: 'municipality',
  organization: { name: '高崎市', kind: 'municipality', prefecture: '群馬県' },
};

const proposal = {
  id: 'n1',
  kind: 'proposal_on_own_case',
  subject: '事例「独居の女性の買い物」に提案がありました',
  text: '会議「買い物支援を考える会」で提案「買い物」が投稿されました。\n---\nA proposal was posted.',
  link: 'http://localhost:3000/#/meetings/m1',
  createdAt: '2026-12-02T01:00:00Z',
  readAt: null,
};
const published = { ...proposal, id: 'n2', kind: 'meeting_published', subject: '会議が公開されました', link: null, readAt: '2026-12-01T00:00:00Z' };

let app: YoriaiApp;
let unread: number;
let mail: Record<string, boolean>;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

const calls = (method: string, path: string) =>
  fetchMock.mock.calls.filter(([url, init]) => String(url).startsWith(path) && (init?.method ?? 'GET') === method);

beforeEach(() => {
  localeStore.set('ja');
  unread = 1;
  mail = { meeting_reminder: true, proposal_on_own_case: true, meeting_published: true };
  fetchMock = vi.fn<typeof fetch>(async (url, init) => {
    const path = String(url);
    const method = init?.method ?? 'GET';
    if (path === '/api/v1/auth/me') return json(200, mayor);
    if (path === '/api/v1/notifications/read') {
      unread = 0;
      return new Response(null, { status: 204 });
    }
    if (path === '/api/v1/notifications/preferences' && method === 'PUT') {
      mail = (JSON.parse(String(init?.body)) as { mail: Record<string, boolean> }).mail;
      return json(200, { mail });
    }
    if (path === '/api/v1/notifications/preferences') return json(200, { mail });
    if (path.startsWith('/api/v1/notifications')) {
      return json(200, { notifications: [{ ...proposal, readAt: unread ? null : '2026-12-02T02:00:00Z' }, published], unread });
    }
    if (path.startsWith('/api/v1/meetings')) return json(200, { meetings: [] });
    if (path.startsWith('/api/v1/cases')) return json(200, []);
    return json(404, { error: { code: 'not_found', message: '' } });
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  app?.remove();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

describe('お知らせ', () => {
  test('the header shows the unread count in its name, and asks again on every navigation', async () => {
    app = await mountApp('#/', 'tok-1');
    const link = await waitFor(() => app.querySelector('#notifications-link[aria-label="お知らせ（未読1件）"]'));
    expect(get(app, '#notifications-unread').textContent).toBe('1');
    expect(link.getAttribute('href')).toBe('/#/notifications');
    const asked = calls('GET', '/api/v1/notifications?').length;

    window.location.hash = '#/meetings';
    await waitFor(() => calls('GET', '/api/v1/notifications?').length > asked);
  });

  test('the page lists the entries in the current language, follows links and marks them read', async () => {
    app = await mountApp('#/notifications', 'tok-1');
    const item = await waitFor(() => app.querySelector('#notification-list li[data-notification-id="n1"]'));
    expect(item.getAttribute('data-read')).toBe('false');
    expect(item.textContent).toContain('未読');
    expect(item.textContent).toContain('事例への提案');
    expect(get(item, '.notification__text').textContent).toBe('会議「買い物支援を考える会」で提案「買い物」が投稿されました。');
    expect(get(item, 'a.notification__link').getAttribute('href')).toBe('/#/meetings/m1');
    const old = get(app, 'li[data-notification-id="n2"]');
    expect(old.getAttribute('data-read')).toBe('true');
    expect(old.querySelector('a, .notification__read')).toBeNull();

    get<HTMLButtonElement>(item, '.notification__read').click();
    await waitFor(() => app.querySelector('li[data-notification-id="n1"][data-read="true"]'));
    expect(JSON.parse(String(calls('POST', '/api/v1/notifications/read')[0][1]?.body))).toEqual({ ids: ['n1'] });
    await waitFor(() => app.querySelector('#notifications-link[aria-label="お知らせ"]'));
    expect(app.querySelector('#notifications-unread')).toBeNull();
    expect(get<HTMLButtonElement>(app, '#notifications-read-all').disabled).toBe(true);
  });

  test('mark all read sends all', async () => {
    app = await mountApp('#/notifications', 'tok-1');
    const all = await waitFor(() => app.querySelector<HTMLButtonElement>('#notifications-read-all:not([disabled])'));
    all.click();
    await waitFor(() => calls('POST', '/api/v1/notifications/read').length === 1);
    expect(JSON.parse(String(calls('POST', '/api/v1/notifications/read')[0][1]?.body))).toEqual({ all: true });
  });

  test('unticking a kind saves it and the status region says so', async () => {
    app = await mountApp('#/notifications', 'tok-1');
    const box = await waitFor(() => app.querySelector<HTMLInputElement>('#mail-meeting_published'));
    expect(box.checked).toBe(true);
    expect(box.closest('label')?.textContent).toContain('参加した会議が公開されたとき');
    box.click();
    get<HTMLButtonElement>(app, '#notification-settings-save').click();
    await waitFor(() => get(app, '#app-status').textContent?.includes('メールの受け取り設定を保存しました'));
    expect(JSON.parse(String(calls('PUT', '/api/v1/notifications/preferences')[0][1]?.body))).toEqual({
      mail: { meeting_reminder: true, proposal_on_own_case: true, meeting_published: false },
    });
    expect(get(app, '#notification-settings-saved').textContent).toBe('メールの受け取り設定を保存しました');
  });

  test('a refused save is shown and nothing is announced', async () => {
    fetchMock.mockImplementationOnce(async () => json(200, mayor));
    app = await mountApp('#/notifications', 'tok-1');
    await waitFor(() => app.querySelector('#mail-meeting_reminder'));
    fetchMock.mockImplementationOnce(async () => json(400, { error: { code: 'validation_failed', message: 'mail.signup_approved is always mailed' } }));
    get<HTMLButtonElement>(app, '#notification-settings-save').click();
    const alert = await waitFor(() => app.querySelector('#notification-settings-error'));
    expect(alert.textContent).toContain('mail.signup_approved is always mailed');
    expect(get(app, '#app-status').textContent?.trim()).toBe('');
  });
});

test('a notice shows the part of its text in the reader’s language', () => {
  expect(localizedPart('日本語\n---\nEnglish', 'ja')).toBe('日本語');
  expect(localizedPart('日本語\n---\nEnglish', 'en')).toBe('English');
  expect(localizedPart('only one', 'en')).toBe('only one');
  expect(localizedSubject('事例「A / B」に提案がありました / A proposal on your case', 'ja')).toBe('事例「A / B」に提案がありました');
  expect(localizedSubject('事例に提案がありました / A proposal on your case', 'en')).toBe('A proposal on your case');
  expect(localizedSubject('アカウントが承認されました', 'en')).toBe('アカウントが承認されました');
});

test('a notice’s link stays in the app as it is open; only http(s) links are kept', () => {
  expect(inAppHref('https://yoriai.example.jp/#/meetings/m1')).toBe('/#/meetings/m1');
  expect(inAppHref('https://yoriai.example.jp/archive/cases/c1')).toBe('/archive/cases/c1');
  expect(inAppHref('https://example.jp/guide')).toBe('https://example.jp/guide');
  expect(inAppHref('javascript:alert(1)')).toBeNull();
});
