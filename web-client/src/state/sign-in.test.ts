import { ApiError } from '../net/http';
import type { LoginResponse, User } from '../net/protocol';
import { type AuthGateway, SignInChangeEvent, type SignInStatus, SignInStore, TOKEN_STORAGE_KEY } from './sign-in';

const sato: User = {
  id: 'u1',
  email: 'sato@example.jp',
  displayName: '佐藤',
  role: 'professional',
  organization: { name: '八王子市', kind: 'municipality', prefecture: '東京都' },
  profession: '理学療法士',
};

/** A scripted stand-in for the server's auth endpoints. */
class FakeAuth implements AuthGateway {
  loginResult: Promise<LoginResponse> = Promise.resolve({ token: 'tok-1', user: sato });
  meResult: Promise<User> = Promise.resolve(sato);
  logoutResult: Promise<void> = Promise.resolve();
  readonly calls: string[] = [];

  login(email: string, password: string) {
    this.calls.push(`login ${email} ${password}`);
    return this.loginResult;
  }
  me(token: string) {
    this.calls.push(`me ${token}`);
    return this.meResult;
  }
  logout(token: string) {
    this.calls.push(`logout ${token}`);
    return this.logoutResult;
  }
}

function recordStatuses(store: SignInStore): SignInStatus[] {
  const statuses: SignInStatus[] = [];
  store.addEventListener(SignInChangeEvent.type, (e) => statuses.push(e.state.status));
  return statuses;
}

describe('SignInStore', () => {
  let auth: FakeAuth;

  beforeEach(() => {
    sessionStorage.clear();
    auth = new FakeAuth();
  });

  test('starts signed out', () => {
    const store = new SignInStore(auth, sessionStorage);
    expect(store.state).toEqual({ status: 'signed-out' });
    expect(store.user).toBeNull();
  });

  test('a successful login goes through signing-in to signed-in and stores the token', async () => {
    const store = new SignInStore(auth, sessionStorage);
    const statuses = recordStatuses(store);

    await store.login('sato@example.jp', 'pw');

    expect(statuses).toEqual(['signing-in', 'signed-in']);
    expect(store.user).toEqual(sato);
    expect(store.token).toBe('tok-1');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok-1');
  });

  test('a rejected login returns to signed-out with the error code', async () => {
    auth.loginResult = Promise.reject(new ApiError(401, 'invalid_credentials', 'no'));
    const store = new SignInStore(auth, sessionStorage);
    const statuses = recordStatuses(store);

    await store.login('sato@example.jp', 'wrong');

    expect(statuses).toEqual(['signing-in', 'signed-out']);
    expect(store.state).toEqual({ status: 'signed-out', error: { status: 401, code: 'invalid_credentials' } });
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  test('a second login while one is in flight is ignored', async () => {
    const store = new SignInStore(auth, sessionStorage);
    const first = store.login('a@example.jp', 'pw');
    const second = store.login('b@example.jp', 'pw');
    await Promise.all([first, second]);
    expect(auth.calls).toEqual(['login a@example.jp pw']);
  });

  test('logout revokes the token on the server and forgets it locally', async () => {
    const store = new SignInStore(auth, sessionStorage);
    await store.login('sato@example.jp', 'pw');
    const statuses = recordStatuses(store);

    await store.logout();

    expect(auth.calls).toContain('logout tok-1');
    expect(statuses).toEqual(['signing-out', 'signed-out']);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  test('logout still signs out locally when the server cannot be reached', async () => {
    auth.logoutResult = Promise.reject(new ApiError(0, ApiError.NETWORK, 'offline'));
    const store = new SignInStore(auth, sessionStorage);
    await store.login('sato@example.jp', 'pw');

    await store.logout();

    expect(store.state).toEqual({ status: 'signed-out' });
  });

  test('restore with a stored token asks the server who it is and signs in', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'tok-old');
    const store = new SignInStore(auth, sessionStorage);
    const statuses = recordStatuses(store);

    await store.restore();

    expect(auth.calls).toEqual(['me tok-old']);
    expect(statuses).toEqual(['restoring', 'signed-in']);
    expect(store.token).toBe('tok-old');
  });

  test('restore without a stored token does nothing', async () => {
    const store = new SignInStore(auth, sessionStorage);
    const statuses = recordStatuses(store);
    await store.restore();
    expect(statuses).toEqual([]);
    expect(auth.calls).toEqual([]);
  });

  test('restore with an expired or revoked token clears it and shows login', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'tok-old');
    auth.meResult = Promise.reject(new ApiError(401, 'unauthorized', 'expired'));
    const store = new SignInStore(auth, sessionStorage);

    await store.restore();

    expect(store.state).toEqual({ status: 'signed-out' });
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  test('restore while the server is unreachable keeps the token for the next reload', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'tok-old');
    auth.meResult = Promise.reject(new ApiError(0, ApiError.NETWORK, 'offline'));
    const store = new SignInStore(auth, sessionStorage);

    await store.restore();

    expect(store.state).toEqual({ status: 'signed-out', error: { status: 0, code: ApiError.NETWORK } });
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok-old');
  });
});
