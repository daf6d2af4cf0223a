import '../../app/yoriai-app';
import type { YoriaiApp } from '../../app/yoriai-app';
import { AuthApi } from '../../net/auth-api';
import { HttpClient } from '../../net/http';
import type { User } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { SignInStore, TOKEN_STORAGE_KEY } from '../../state/sign-in';
import { get, json, type, waitFor, withEmptyPublicHome } from '../../test-support/dom';

/*
 * The login feature end to end inside jsdom: the real shell, components, SignInStore, AuthApi and
 * HttpClient, with only the global fetch stubbed to play the server.
 */

const sato: User = {
  id: 'u1',
  email: 'sato@example.jp',
  displayName: '佐藤 花子',
  role: 'professional',
  organization: { name: '八王子市', kind: 'municipality', prefecture: '東京都' },
  profession: '理学療法士',
};

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let app: YoriaiApp;

async function mountApp(): Promise<YoriaiApp> {
  const session = new SignInStore(new AuthApi(new HttpClient()), sessionStorage);
  const element = document.createElement('yoriai-app');
  element.signIn = session;
  document.body.append(element);
  await session.restore();
  await element.updateComplete;
  return element;
}

function submitLogin(email: string, password: string): void {
  type(get<HTMLInputElement>(app, '#login-email'), email);
  type(get<HTMLInputElement>(app, '#login-password'), password);
  get<HTMLButtonElement>(app, '#login-submit').click();
}

function requestTo(path: string): RequestInit | undefined {
  return fetchMock.mock.calls.find(([url]) => url === path)?.[1];
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  localeStore.set('ja');
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', withEmptyPublicHome(fetchMock));
});

afterEach(() => {
  app?.remove();
  vi.unstubAllGlobals();
});

describe('login page', () => {
  test('shows labelled Japanese fields and the stable ids for browser tests', async () => {
    app = await mountApp();

    const email = get<HTMLInputElement>(app, '#login-email');
    expect(email.name).toBe('email');
    expect(get(app, 'label[for="login-email"]').textContent?.trim()).toBe('メールアドレス');
    expect(get(app, 'label[for="login-password"]').textContent?.trim()).toBe('パスワード');
    expect(get<HTMLInputElement>(app, '#login-password').type).toBe('password');
    expect(get(app, '#login-submit').textContent?.trim()).toBe('ログイン');
    expect(get(app, '#lang-toggle').textContent?.trim()).toBe('English');
    expect(app.querySelector('#login-error')).toBeNull();
    expect(app.querySelector('[style]')).toBeNull();
  });

  test('signing in shows the user with the Japanese role label and organization', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { token: 'tok-1', user: sato }));
    app = await mountApp();

    submitLogin('sato@example.jp', 'correct horse');

    const name = await waitFor(() => app.querySelector('#current-user-name'));
    expect(name.textContent).toBe('佐藤 花子');
    expect(get(app, '#welcome-heading').textContent?.replace(/\s+/g, '')).toBe('ようこそ、佐藤花子さん');
    expect(get(app, '#current-user-role').textContent).toBe('専門職');
    expect(get(app, '#current-user-profession').textContent).toBe('理学療法士');
    expect(get(app, '#current-user-organization').textContent).toBe('八王子市');
    expect(get(app, '#logout').textContent?.trim()).toBe('ログアウト');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok-1');
    expect(get(app, '#app-status').textContent?.trim()).toBe('ログインしました');

    const init = requestTo('/api/v1/auth/login');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ email: 'sato@example.jp', password: 'correct horse' });
  });

  test('a 401 invalid_credentials shows the Japanese message in an alert', async () => {
    fetchMock.mockResolvedValueOnce(
      json(401, { error: { code: 'invalid_credentials', message: 'invalid credentials', details: [] } }),
    );
    app = await mountApp();

    submitLogin('sato@example.jp', 'wrong');

    const error = await waitFor(() => app.querySelector('#login-error'));
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('メールアドレスまたはパスワードが正しくありません');
    expect(get(app, '#login-email').getAttribute('aria-invalid')).toBe('true');
    expect(app.querySelector('#current-user-name')).toBeNull();
  });

  test('a 429 rate_limited asks to wait and retry', async () => {
    fetchMock.mockResolvedValueOnce(json(429, { error: { code: 'rate_limited', message: 'slow down', details: [] } }));
    app = await mountApp();

    submitLogin('sato@example.jp', 'pw');

    const error = await waitFor(() => app.querySelector('#login-error'));
    expect(error.textContent).toBe('しばらく待ってから再度お試しください');
  });

  test('a 403 account_disabled says the account is disabled instead of asking to retry', async () => {
    fetchMock.mockResolvedValueOnce(json(403, { error: { code: 'account_disabled', message: 'disabled', details: [] } }));
    app = await mountApp();

    submitLogin('sato@example.jp', 'pw');

    const error = await waitFor(() => app.querySelector('#login-error'));
    expect(error.textContent).toBe('このアカウントは無効になっています。管理者にお問い合わせください');
  });

  test('an unexpected server error shows the generic message', async () => {
    fetchMock.mockResolvedValueOnce(json(500, { error: { code: 'internal', message: 'boom', details: [] } }));
    app = await mountApp();

    submitLogin('sato@example.jp', 'pw');

    const error = await waitFor(() => app.querySelector('#login-error'));
    expect(error.textContent).toBe('ログインできませんでした。時間をおいて再度お試しください');
  });

  test('submitting with an empty field asks for both without calling the server', async () => {
    app = await mountApp();

    submitLogin('sato@example.jp', '');

    const error = await waitFor(() => app.querySelector('#login-error'));
    expect(error.textContent).toBe('メールアドレスとパスワードを入力してください');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test('the language toggle switches labels to English and back, and sets html lang', async () => {
    app = await mountApp();

    get<HTMLButtonElement>(app, '#lang-toggle').click();
    await waitFor(() => get(app, '#login-submit').textContent?.trim() === 'Sign in');

    expect(get(app, 'label[for="login-email"]').textContent?.trim()).toBe('Email address');
    expect(get(app, 'label[for="login-password"]').textContent?.trim()).toBe('Password');
    expect(get(app, '#lang-toggle').textContent?.trim()).toBe('日本語');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('yoriai.locale')).toBe('en');

    get<HTMLButtonElement>(app, '#lang-toggle').click();
    await waitFor(() => get(app, '#login-submit').textContent?.trim() === 'ログイン');
    expect(document.documentElement.lang).toBe('ja');
  });

  test('an error shown in Japanese follows the switch to English', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { error: { code: 'invalid_credentials', message: '', details: [] } }));
    app = await mountApp();
    submitLogin('sato@example.jp', 'wrong');
    await waitFor(() => app.querySelector('#login-error'));

    get<HTMLButtonElement>(app, '#lang-toggle').click();

    await waitFor(
      () => get(app, '#login-error').textContent === 'The email address or password is incorrect.',
    );
  });
});

describe('signed-in session', () => {
  test('logout revokes the token with the bearer header and returns to the login form', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { token: 'tok-1', user: sato }));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    app = await mountApp();
    submitLogin('sato@example.jp', 'pw');
    await waitFor(() => app.querySelector('#logout'));

    get<HTMLButtonElement>(app, '#logout').click();

    await waitFor(() => app.querySelector('#login-email'));
    const init = requestTo('/api/v1/auth/logout');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer tok-1' });
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    await waitFor(() => document.activeElement === app.querySelector('#login-email'));
  });

  test('a reload with a stored token restores the user from /auth/me', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'tok-old');
    fetchMock.mockResolvedValueOnce(json(200, { ...sato, role: 'company', profession: undefined }));

    app = await mountApp();

    const name = await waitFor(() => app.querySelector('#current-user-name'));
    expect(name.textContent).toBe('佐藤 花子');
    expect(get(app, '#current-user-role').textContent).toBe('企業');
    expect(app.querySelector('#current-user-profession')).toBeNull();
    expect(requestTo('/api/v1/auth/me')?.headers).toMatchObject({ Authorization: 'Bearer tok-old' });
  });

  test('a reload with an expired token clears it and shows the login form', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'tok-old');
    fetchMock.mockResolvedValueOnce(json(401, { error: { code: 'unauthorized', message: '', details: [] } }));

    app = await mountApp();

    await waitFor(() => app.querySelector('#login-email'));
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(app.querySelector('#login-error')).toBeNull();
  });

  test('role labels follow the locale', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { token: 'tok-1', user: { ...sato, role: 'municipality' } }));
    app = await mountApp();
    submitLogin('sato@example.jp', 'pw');
    await waitFor(() => app.querySelector('#current-user-role'));
    expect(get(app, '#current-user-role').textContent).toBe('自治体');

    get<HTMLButtonElement>(app, '#lang-toggle').click();

    await waitFor(() => get(app, '#current-user-role').textContent === 'Municipality');
    expect(get(app, '#current-user-name').textContent).toBe('佐藤 花子');
  });
});
