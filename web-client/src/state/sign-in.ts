import { ApiError } from '../net/http';
import type { LoginResponse, User } from '../net/protocol';
import { TypedEventTarget } from '../shared/typed-events';

/** What the session needs from the server; `AuthApi` implements it, tests pass a fake. */
export interface AuthGateway {
  login(email: string, password: string): Promise<LoginResponse>;
  me(token: string): Promise<User>;
  logout(token: string): Promise<void>;
}

/** Why the user is looking at the login form: a server error code or a client one from ApiError. */
export interface SignInError {
  status: number;
  code: string;
}

export type SignInState =
  | { readonly status: 'restoring' }
  | { readonly status: 'signed-out'; readonly error?: SignInError }
  | { readonly status: 'signing-in' }
  | { readonly status: 'signed-in'; readonly token: string; readonly user: User }
  | { readonly status: 'signing-out'; readonly token: string; readonly user: User };

export type SignInStatus = SignInState['status'];

/** Dispatched by {@link SignInStore} on every state transition. */
export class SignInChangeEvent extends Event {
  static readonly type = 'sign-in-change';
  constructor(
    readonly state: SignInState,
    readonly previous: SignInState,
  ) {
    super(SignInChangeEvent.type);
  }
}

export const TOKEN_STORAGE_KEY = 'yoriai.session.token';

type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The signed-in user and their bearer token. Every change goes through {@link transition},
 * which also keeps the token in (session) storage so a reload stays signed in.
 *
 *   signed-out ──login──▶ signing-in ──ok──▶ signed-in ──logout──▶ signing-out ──▶ signed-out
 *        ▲                     └──error──▶ signed-out{error}
 *        └── restoring ◀── restore() with a stored token ──ok──▶ signed-in
 */
export class SignInStore extends TypedEventTarget<typeof SignInChangeEvent.type, SignInChangeEvent> {
  private current: SignInState = { status: 'signed-out' };

  constructor(
    private readonly auth: AuthGateway,
    private readonly storage: TokenStorage | null = null,
  ) {
    super();
  }

  get state(): SignInState {
    return this.current;
  }

  get user(): User | null {
    return this.current.status === 'signed-in' || this.current.status === 'signing-out' ? this.current.user : null;
  }

  get token(): string | null {
    return this.current.status === 'signed-in' || this.current.status === 'signing-out' ? this.current.token : null;
  }

  /**
   * Resumes a session from a stored token by asking the server who it belongs to. A 401/403
   * forgets the token; any other failure keeps it (the server may just be restarting) and
   * shows the login form with the error.
   */
  async restore(): Promise<void> {
    if (this.current.status !== 'signed-out') return;
    const token = this.readToken();
    if (!token) return;
    const restoring = this.transition({ status: 'restoring' });
    try {
      const user = await this.auth.me(token);
      if (this.current === restoring) this.transition({ status: 'signed-in', token, user });
    } catch (error) {
      if (this.current !== restoring) return;
      const signInError = toSignInError(error);
      if (signInError.status === 401 || signInError.status === 403) {
        this.transition({ status: 'signed-out' });
      } else {
        this.transition({ status: 'signed-out', error: signInError }, { keepStoredToken: true });
      }
    }
  }

  /** Ignored unless signed out (a double submit cannot send two requests). */
  async login(email: string, password: string): Promise<void> {
    if (this.current.status !== 'signed-out') return;
    const signingIn = this.transition({ status: 'signing-in' });
    try {
      const { token, user } = await this.auth.login(email, password);
      if (this.current === signingIn) this.transition({ status: 'signed-in', token, user });
    } catch (error) {
      if (this.current === signingIn) this.transition({ status: 'signed-out', error: toSignInError(error) });
    }
  }

  /** Takes a sign-in the server gave for another call (the first admin's setup); ignored unless signed out. */
  adopt(response: LoginResponse): void {
    if (this.current.status !== 'signed-out') return;
    this.transition({ status: 'signing-in' });
    this.transition({ status: 'signed-in', token: response.token, user: response.user });
  }

  /** Revokes the token on the server, best effort: the local session ends even if that fails. */
  async logout(): Promise<void> {
    if (this.current.status !== 'signed-in') return;
    const { token, user } = this.current;
    const signingOut = this.transition({ status: 'signing-out', token, user });
    try {
      await this.auth.logout(token);
    } catch {
      // Offline or already revoked: forgetting the token locally is what the user asked for.
    }
    if (this.current === signingOut) this.transition({ status: 'signed-out' });
  }

  /** The one place state changes. */
  private transition(next: SignInState, options: { keepStoredToken?: boolean } = {}): SignInState {
    const previous = this.current;
    this.current = next;
    if (next.status === 'signed-in') this.writeToken(next.token);
    else if (next.status === 'signed-out' && !options.keepStoredToken) this.writeToken(null);
    this.dispatchEvent(new SignInChangeEvent(next, previous));
    return next;
  }

  private readToken(): string | null {
    try {
      return this.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private writeToken(token: string | null): void {
    try {
      if (token === null) this.storage?.removeItem(TOKEN_STORAGE_KEY);
      else this.storage?.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Without storage the session simply does not survive a reload.
    }
  }
}

function toSignInError(error: unknown): SignInError {
  if (error instanceof ApiError) return { status: error.status, code: error.code };
  return { status: 0, code: 'unexpected' };
}
