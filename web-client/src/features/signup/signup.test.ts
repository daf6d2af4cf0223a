import type { YoriaiApp } from '../../app/yoriai-app';
import type { User } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { mountApp } from '../../test-support/app';
import { get, json, type, waitFor, withEmptyPublicHome } from '../../test-support/dom';

/* Sign-up, password reset and the first run, in the real shell with fetch playing the server. */

const admin: User = {
  id: 'u-a', email: 'admin@example.jp', displayName: '管理 一郎', role: 'admin',
  organization: { name: '寄り合い運営', kind: 'npo', prefecture: '群馬県' },
};

let app: YoriaiApp;
let server: ReturnType<typeof vi.fn<typeof fetch>>;

function select(id: string, value: string): void {
  const element = get<HTMLSelectElement>(app, `#${id}`);
  element.value = value;
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

function fill(values: Readonly<Record<string, string>>): void {
  for (const [id, value] of Object.entries(values)) {
    const element = get<HTMLInputElement | HTMLSelectElement>(app, `#${id}`);
    if (element instanceof HTMLSelectElement) select(id, value);
    else type(element, value);
  }
}

function bodyOf(path: string): unknown {
  const init = server.mock.calls.find(([url]) => url === path)?.[1];
  return init ? JSON.parse(String(init.body)) : undefined;
}

/** The shell at `hash`, once the hashchange that setting it queued has been handled (it moves the focus to the heading). */
async function mountAt(hash: string): Promise<YoriaiApp> {
  const mounted = await mountApp(hash);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return mounted;
}

const status = () => get(app, '#app-status').textContent?.trim();

beforeEach(() => {
  localeStore.set('ja');
  server = vi.fn<typeof fetch>(async () => json(404, { error: { code: 'not_found', message: '' } }));
  vi.stubGlobal('fetch', withEmptyPublicHome(server));
});

afterEach(() => {
  app?.remove();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

describe('sign-up', () => {
  test('the home page and the login form lead to it; an invitation link fills in the email', async () => {
    app = await mountAt('#/');
    expect(get(app, '#home-signup').getAttribute('href')).toBe('/#/signup');
    expect(get(app, '#home-signup').textContent?.trim()).toBe('参加を申し込む');
    expect(get(app, '#login-signup').getAttribute('href')).toBe('/#/signup');
    expect(get(app, '#login-forgot').textContent?.trim()).toBe('パスワードを忘れた方');
    app.remove();

    app = await mountAt('#/signup?email=invited%40example.jp');
    expect(get<HTMLInputElement>(app, '#signup-email').value).toBe('invited@example.jp');
    expect(get(app, 'label[for="signup-email"]').textContent?.trim()).toBe('メールアドレス');
  });

  test('a company sends its request and is told it waits for an administrator', async () => {
    server.mockImplementation(async (url) => (url === '/api/v1/signup' ? json(202, { state: 'pending' }) : json(404, {})));
    app = await mountAt('#/signup');
    expect(app.querySelector('#signup-profession')).toBeNull();
    fill({
      'signup-email': 'sales@mart.example.jp', 'signup-password': 'kinoko takenoko sansai',
      'signup-displayName': '山田 花子', 'signup-organization-name': 'ぐんまマート', 'signup-organization-prefecture': '群馬県',
    });
    get(app, '#signup-submit').click();

    const done = await waitFor(() => app.querySelector('#signup-done-text'));
    expect(done.textContent).toBe('申請を受け付けました。確認のメールをお送りしましたので、メールのリンクを開いてメールアドレスを確認してください');
    expect(bodyOf('/api/v1/signup')).toEqual({
      email: 'sales@mart.example.jp', password: 'kinoko takenoko sansai', displayName: '山田 花子', role: 'company',
      organization: { name: 'ぐんまマート', kind: 'company', prefecture: '群馬県' },
    });
  });

  test('a professional chooses a profession from the server’s list; empty fields are named before sending', async () => {
    app = await mountAt('#/signup');
    get(app, '#signup-role-professional').click();
    await waitFor(() => app.querySelector('#signup-profession'));
    const professions = [...get<HTMLSelectElement>(app, '#signup-profession').options].map((o) => o.value);
    expect(professions).toContain('理学療法士');

    get(app, '#signup-submit').click();

    await waitFor(() => app.querySelector('#signup-error'));
    expect(get(app, '#signup-profession-error').textContent).toBe('入力してください');
    expect(get(app, '#signup-email').getAttribute('aria-describedby')).toContain('signup-email-error');
    expect(server.mock.calls.some(([url]) => url === '/api/v1/signup')).toBe(false);
  });

  test('a weak password shows the server’s reason under the password, in Japanese', async () => {
    server.mockImplementation(async () => json(422, { error: { code: 'weak_password', message: 'Choose a stronger password',
      details: [{ field: 'password', problem: 'Use at least 12 characters.', problemJa: 'パスワードは12文字以上にしてください。' }] } }));
    app = await mountAt('#/signup');
    fill({
      'signup-email': 'a@b.jp', 'signup-password': 'short', 'signup-displayName': '山田',
      'signup-organization-name': 'ぐんまマート', 'signup-organization-prefecture': '群馬県',
    });
    get(app, '#signup-submit').click();

    const error = await waitFor(() => app.querySelector('#signup-password-error'));
    expect(error.textContent).toBe('このパスワードは使えません。パスワードは12文字以上にしてください。');
    expect(document.activeElement?.id).toBe('signup-password');
  });

  test.each([
    ['pending_approval', '承認待ちです'],
    ['signup_rejected', '参加申請は承認されませんでした'],
  ])('signing in with a %s account says so', async (code, text) => {
    server.mockImplementation(async () => json(403, { error: { code, message: '' } }));
    app = await mountAt('#/');
    type(get(app, '#login-email'), 'sales@mart.example.jp');
    type(get(app, '#login-password'), 'kinoko takenoko sansai');
    get(app, '#login-submit').click();

    const error = await waitFor(() => app.querySelector('#login-error'));
    expect(error.textContent).toContain(text);
  });
});

describe('confirming the address of a sign-up', () => {
  test('the mailed link confirms it on opening and says the request now waits for an administrator', async () => {
    server.mockImplementation(async (url) => (url === '/api/v1/signup/confirm' ? json(200, { state: 'pending' }) : json(404, {})));
    app = await mountAt('#/confirm?token=t-confirm');

    const result = await waitFor(() => app.querySelector('#confirm-result'));
    expect(result.textContent).toBe('メールアドレスを確認しました。管理者の承認をお待ちください');
    expect(get(app, '#confirm-heading').textContent?.trim()).toBe('メールアドレスの確認');
    expect(get(app, '#confirm-status').getAttribute('role')).toBe('status');
    expect(bodyOf('/api/v1/signup/confirm')).toEqual({ token: 't-confirm' });
    expect(server.mock.calls.filter(([url]) => url === '/api/v1/signup/confirm')).toHaveLength(1);
  });

  test('a used or expired link says it cannot be used and leads to the sign-up again', async () => {
    server.mockImplementation(async () => json(400, { error: { code: 'invalid_token', message: 'invalid token' } }));
    app = await mountAt('#/confirm?token=used');

    const result = await waitFor(() => app.querySelector('#confirm-result'));
    expect(result.textContent).toContain('このリンクは使えません');
    expect(get(app, '#confirm-signup').getAttribute('href')).toBe('/#/signup');
  });

  test('signing in before confirming says to open the mailed link', async () => {
    server.mockImplementation(async () => json(403, { error: { code: 'email_unconfirmed', message: '' } }));
    app = await mountAt('#/');
    type(get(app, '#login-email'), 'sales@mart.example.jp');
    type(get(app, '#login-password'), 'kinoko takenoko sansai');
    get(app, '#login-submit').click();

    expect((await waitFor(() => app.querySelector('#login-error'))).textContent).toContain('メールアドレスがまだ確認されていません');
  });
});

describe('password reset', () => {
  test('asking for a link always gives the same confirmation', async () => {
    server.mockImplementation(async () => json(202, {}));
    app = await mountAt('#/reset-request');
    type(get(app, '#reset-request-email'), 'nobody@example.jp');
    get(app, '#reset-request-submit').click();

    const sent = await waitFor(() => app.querySelector('#reset-request-sent'));
    expect(sent.textContent).toContain('再設定用のリンクをお送りしました');
    expect(bodyOf('/api/v1/auth/reset-request')).toEqual({ email: 'nobody@example.jp' });
  });

  test('the links of the mails open the right page: #/reset without a token asks for a link, #/login signs in', async () => {
    app = await mountAt('#/reset');
    expect(get(app, '#reset-request-heading').textContent?.trim()).toBe('パスワードの再設定');
    app.remove();

    app = await mountAt('#/login');
    expect(get(app, '#home-heading')).toBeTruthy();
    expect(get(app, '#login-email')).toBeTruthy();
  });

  test('two different passwords are refused before sending', async () => {
    app = await mountAt('#/reset?token=t1');
    type(get(app, '#reset-password'), 'kinoko takenoko sansai');
    type(get(app, '#reset-passwordAgain'), 'kinoko takenoko');
    get(app, '#reset-submit').click();

    expect((await waitFor(() => app.querySelector('#reset-passwordAgain-error'))).textContent).toBe('2つのパスワードが一致しません');
    expect(server).not.toHaveBeenCalledWith('/api/v1/auth/reset', expect.anything());
  });

  test('a used link says so and offers to ask again', async () => {
    server.mockImplementation(async () => json(400, { error: { code: 'invalid_token', message: 'invalid token' } }));
    app = await mountAt('#/reset?token=old');
    type(get(app, '#reset-password'), 'kinoko takenoko sansai');
    type(get(app, '#reset-passwordAgain'), 'kinoko takenoko sansai');
    get(app, '#reset-submit').click();

    expect((await waitFor(() => app.querySelector('#reset-error'))).textContent).toContain('このリンクは使えません');
    expect(get(app, '#reset-ask-again').getAttribute('href')).toBe('/#/reset-request');
  });

  test('a new password leads to the sign-in page, which says it was set', async () => {
    server.mockImplementation(async (url) => (url === '/api/v1/auth/reset' ? new Response(null, { status: 204 }) : json(404, {})));
    app = await mountAt('#/reset?token=t1');
    type(get(app, '#reset-password'), 'kinoko takenoko sansai');
    type(get(app, '#reset-passwordAgain'), 'kinoko takenoko sansai');
    get(app, '#reset-submit').click();

    const notice = await waitFor(() => app.querySelector('#login-notice'));
    expect(notice.textContent).toBe('パスワードを設定しました。新しいパスワードでログインしてください');
    expect(window.location.hash).toBe('#/');
    expect(bodyOf('/api/v1/auth/reset')).toEqual({ token: 't1', password: 'kinoko takenoko sansai' });
  });
});

describe('first run', () => {
  test('the empty instance’s home page says how to begin', async () => {
    vi.stubGlobal('fetch', async (url: string) => (url === '/api/v1/setup' ? json(200, { needed: true }) : withEmptyPublicHome(server)(url)));
    app = await mountAt('#/');
    const text = await waitFor(() => app.querySelector('#home-setup-text'));
    expect(text.textContent).toContain('サーバーのログに表示されたセットアップ用リンクを開いてください');
    expect(text.textContent).toContain('./scripts/run --demo');
  });

  test('the logged /setup?token=… link creates the first admin, signs them in and opens the console', async () => {
    server.mockImplementation(async (url) => {
      if (url === '/api/v1/setup') return json(201, { token: 'tok-admin', user: admin });
      if (url === '/api/v1/accounts?state=pending') return json(200, { accounts: [] });
      return json(404, {});
    });
    history.replaceState(null, '', '/setup?token=first');
    app = await mountAt('');
    fill({
      'setup-email': 'admin@example.jp', 'setup-password': 'kinoko takenoko sansai', 'setup-displayName': '管理 一郎',
      'setup-organization-name': '寄り合い運営', 'setup-organization-kind': 'npo', 'setup-organization-prefecture': '群馬県',
    });
    get(app, '#setup-submit').click();

    await waitFor(() => app.querySelector('#admin-signups-empty'));
    expect(get(app, '#admin-heading').textContent?.trim()).toBe('管理');
    expect(window.location.pathname + window.location.hash).toBe('/#/admin');
    expect(status()).toBe('ログインしました');
    expect(bodyOf('/api/v1/setup')).toEqual({
      token: 'first', email: 'admin@example.jp', password: 'kinoko takenoko sansai', displayName: '管理 一郎',
      organization: { name: '寄り合い運営', kind: 'npo', prefecture: '群馬県' },
    });
  });

  test('a used setup link says it is closed', async () => {
    server.mockImplementation(async () => json(403, { error: { code: 'setup_closed', message: '' } }));
    history.replaceState(null, '', '/setup?token=used');
    app = await mountAt('');
    fill({
      'setup-email': 'admin@example.jp', 'setup-password': 'kinoko takenoko sansai', 'setup-displayName': '管理 一郎',
      'setup-organization-name': '寄り合い運営', 'setup-organization-kind': 'npo', 'setup-organization-prefecture': '群馬県',
    });
    get(app, '#setup-submit').click();

    expect((await waitFor(() => app.querySelector('#setup-error'))).textContent).toContain('このセットアップ用リンクは使えません');
  });
});
