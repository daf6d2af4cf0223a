import type { YoriaiApp } from '../../app/yoriai-app';
import type { User } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { mountApp } from '../../test-support/app';
import { get, json, type, waitFor } from '../../test-support/dom';

/* The admin console in the real shell, with fetch playing the accounts server (ACCOUNTS-API.md). */

const admin: User = {
  id: 'u-a', email: 'admin@example.jp', displayName: '管理 一郎', role: 'admin',
  organization: { name: '寄り合い運営', kind: 'npo', prefecture: '群馬県' },
};

interface StoredAccount extends User {
  state: string;
  createdAt: string;
}

function account(id: string, displayName: string, state: string, extra: Partial<StoredAccount> = {}): StoredAccount {
  return {
    id, email: `${id}@example.jp`, displayName, role: 'company', state, createdAt: '2026-12-02T01:00:00Z',
    organization: { name: 'ぐんまマート', kind: 'company', prefecture: '群馬県' }, ...extra,
  };
}

let app: YoriaiApp;
let accounts: StoredAccount[];
let server: ReturnType<typeof vi.fn<typeof fetch>>;

function requests(method: string, path: string): unknown[] {
  return server.mock.calls
    .filter(([url, init]) => url === path && (init?.method ?? 'GET') === method)
    .map(([, init]) => (init?.body ? JSON.parse(String(init.body)) : undefined));
}

beforeEach(() => {
  localeStore.set('ja');
  accounts = [account('a1', '山田 花子', 'pending'), account('a2', '佐藤 次郎', 'active', { role: 'professional', profession: '理学療法士' })];
  server = vi.fn<typeof fetch>(async (url, init) => {
    const path = String(url);
    const method = init?.method ?? 'GET';
    if (path === '/api/v1/auth/me') return json(200, admin);
    const byState = /^\/api\/v1\/accounts(?:\?state=(\w+))?$/.exec(path);
    if (byState && method === 'GET') return json(200, { accounts: accounts.filter((a) => !byState[1] || a.state === byState[1]) });
    const action = /^\/api\/v1\/accounts\/(\w+)\/(\w+)$/.exec(path);
    if (action) {
      const target = accounts.find((a) => a.id === action[1])!;
      if (action[2] === 'invitation') return json(202, {});
      if (action[2] === 'approve' && target.state !== 'pending') return json(409, { error: { code: 'invalid_state', message: 'not pending' } });
      target.state = { approve: 'active', reject: 'rejected', disable: 'disabled', enable: 'active' }[action[2]] ?? target.state;
      return action[2] === 'disable' ? new Response(null, { status: 204 }) : json(200, target);
    }
    if (path === '/api/v1/accounts/a2' && method === 'PATCH') return json(200, Object.assign(accounts[1], JSON.parse(String(init?.body))));
    if (path === '/api/v1/accounts' && method === 'POST') {
      const created = { ...account('a3', '', 'active'), ...JSON.parse(String(init?.body)) };
      accounts.unshift(created);
      return json(201, created);
    }
    if (path === '/api/v1/organizations') {
      return json(200, { organizations: [{ id: 'o1', name: 'ぐんまマート', kind: 'company', prefecture: '群馬県', accounts: 2 }] });
    }
    if (path === '/api/v1/outbox') {
      return json(200, { mails: [{ id: 'm1', to: 'a1@example.jp', subject: '参加申請が承認されました', text: '山田 花子様\nログインできます。', state: 'kept', attempts: 0, createdAt: '2026-12-02T02:00:00Z' }] });
    }
    return json(404, { error: { code: 'not_found', message: '' } });
  });
  vi.stubGlobal('fetch', server);
});

afterEach(() => {
  app?.remove();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

const status = () => get(app, '#app-status').textContent?.trim();

describe('the admin console', () => {
  test('参加申請 lists who asked, and 承認 approves, says so and updates the list', async () => {
    app = await mountApp('#/admin', 'tok-a');
    const request = await waitFor(() => app.querySelector('#admin-signup-a1'));
    expect(get(app, '#admin-heading').textContent?.trim()).toBe('管理');
    expect(get(app, '#admin-tab-signups').getAttribute('aria-current')).toBe('page');
    expect(request.textContent).toContain('a1@example.jp');
    expect(request.textContent).toContain('ぐんまマート（企業・群馬県）');

    get(app, '#admin-signup-a1-approve').click();

    await waitFor(() => app.querySelector('#admin-signups-empty'));
    expect(status()).toBe('山田 花子さんの申請を承認しました');
    expect(requests('POST', '/api/v1/accounts/a1/approve')).toHaveLength(1);
  });

  test('却下 asks for an optional reason and sends it', async () => {
    app = await mountApp('#/admin', 'tok-a');
    (await waitFor(() => app.querySelector<HTMLButtonElement>('#admin-signup-a1-reject'))).click();
    const reason = await waitFor(() => app.querySelector<HTMLTextAreaElement>('#admin-signup-a1-reason'));
    expect(document.activeElement).toBe(reason);
    reason.value = '事業内容が確認できませんでした';
    get(app, '#admin-signup-a1-reject-confirm').click();

    await waitFor(() => app.querySelector('#admin-signups-empty'));
    expect(requests('POST', '/api/v1/accounts/a1/reject')).toEqual([{ reason: '事業内容が確認できませんでした' }]);
    expect(status()).toBe('山田 花子さんの申請を却下しました');
  });

  test('a refused action is said in the status and stays visible', async () => {
    app = await mountApp('#/admin', 'tok-a');
    await waitFor(() => app.querySelector('#admin-signup-a1'));
    accounts[0].state = 'active';
    get(app, '#admin-signup-a1-approve').click();

    const failure = await waitFor(() => app.querySelector('#admin-signups-failure'));
    expect(failure.textContent).toContain('承認できませんでした');
    expect(status()).toBe(failure.textContent);
  });

  test('アカウント: disabling asks first, then ends it; enabling brings it back', async () => {
    app = await mountApp('#/admin/accounts', 'tok-a');
    (await waitFor(() => app.querySelector<HTMLButtonElement>('#admin-account-a2-disable'))).click();
    const question = await waitFor(() => app.querySelector('#admin-account-a2-disable-question'));
    expect(question.textContent).toContain('ログイン中のセッションもすべて終了します');
    expect(requests('POST', '/api/v1/accounts/a2/disable')).toHaveLength(0);

    get(app, '#admin-account-a2-disable-confirm').click();
    await waitFor(() => get(app, '#admin-account-a2-state').textContent === '停止中');
    expect(status()).toBe('佐藤 次郎さんのアカウントを停止しました');

    get(app, '#admin-account-a2-enable').click();
    await waitFor(() => get(app, '#admin-account-a2-state').textContent === '有効');
  });

  test('アカウント: the state filter asks the server for that state', async () => {
    app = await mountApp('#/admin/accounts', 'tok-a');
    await waitFor(() => app.querySelector('#admin-account-a1'));
    const filter = get<HTMLSelectElement>(app, '#admin-accounts-filter');
    filter.value = 'pending';
    filter.dispatchEvent(new Event('change'));

    await waitFor(() => !app.querySelector('#admin-account-a2'));
    expect(requests('GET', '/api/v1/accounts?state=pending').length).toBeGreaterThan(0);
  });

  test('the 新しい参加申請 mail’s link opens the sign-ups; a state in the link filters the accounts', async () => {
    app = await mountApp('#/admin/accounts?state=pending', 'tok-a');
    await waitFor(() => app.querySelector('#admin-signup-a1-approve'));
    expect(get(app, '#admin-tab-signups').getAttribute('aria-current')).toBe('page');
    app.remove();

    app = await mountApp('#/admin/accounts?state=active', 'tok-a');
    await waitFor(() => app.querySelector('#admin-account-a2'));
    expect(app.querySelector('#admin-account-a1')).toBeNull();
    expect(get<HTMLSelectElement>(app, '#admin-accounts-filter').value).toBe('active');
  });

  test('アカウント: editing sends only what changed', async () => {
    app = await mountApp('#/admin/accounts', 'tok-a');
    (await waitFor(() => app.querySelector<HTMLButtonElement>('#admin-account-a2-edit'))).click();
    const profession = await waitFor(() => app.querySelector<HTMLSelectElement>('#admin-account-a2-profession'));
    profession.value = '作業療法士';
    get(app, '#admin-account-a2-save').click();

    await waitFor(() => status() === '佐藤 次郎さんのアカウントを保存しました');
    expect(requests('PATCH', '/api/v1/accounts/a2')).toEqual([{ profession: '作業療法士' }]);
  });

  test('アカウント: an account created without a password gets an invitation; 招待メールを再送 sends another', async () => {
    app = await mountApp('#/admin/accounts', 'tok-a');
    await waitFor(() => app.querySelector('#account-new-form'));
    type(get(app, '#account-new-email'), 'new@example.jp');
    type(get(app, '#account-new-displayName'), '鈴木 三郎');
    for (const [id, value] of [['role', 'municipality'], ['organization-kind', 'municipality'], ['organization-prefecture', '群馬県']]) {
      const select = get<HTMLSelectElement>(app, `#account-new-${id}`);
      select.value = value;
      select.dispatchEvent(new Event('change'));
    }
    type(get(app, '#account-new-organization-name'), '前橋市');
    get(app, '#account-new-submit').click();

    await waitFor(() => status() === '鈴木 三郎さんのアカウントを作成し、招待メールを送りました');
    expect(requests('POST', '/api/v1/accounts')).toEqual([{
      email: 'new@example.jp', displayName: '鈴木 三郎', role: 'municipality',
      organization: { name: '前橋市', kind: 'municipality', prefecture: '群馬県' },
    }]);

    (await waitFor(() => app.querySelector<HTMLButtonElement>('#admin-account-a3-resend'))).click();
    await waitFor(() => status() === '鈴木 三郎さんに招待メールを再送しました');
  });

  test('組織 and 送信メール list what the server has; a mail’s text opens', async () => {
    app = await mountApp('#/admin/organizations', 'tok-a');
    const table = await waitFor(() => app.querySelector('#admin-organization-table'));
    expect(table.textContent).toContain('ぐんまマート');
    expect(table.querySelector('td.num')?.textContent).toBe('2');

    window.location.hash = '#/admin/outbox';
    const mail = await waitFor(() => app.querySelector('#admin-mail-m1'));
    expect(mail.querySelector('.admin-mail__state')?.textContent).toBe('保管（SMTP未設定）');
    expect(mail.querySelector('.admin-mail__to')?.textContent).toBe('a1@example.jp');
    expect(mail.querySelector('.mail-text')?.textContent).toContain('ログインできます。');
    expect(get(app, '#admin-tab-outbox').getAttribute('aria-current')).toBe('page');
  });
});
