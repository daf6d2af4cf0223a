import { ApiError } from '../net/http';
import type { LoginResponse, User } from '../net/protocol';

/** What the session needs from the server; `AuthApi` implements it, tests pass a fake. */
export interface AuthGateway {
  login(email: string, password: string): Promise<LoginResponse>;
  me(token: string): Promise<User>;
  logout(token: string): Promise<void>;
}

/** Why the user is looking at the login form: a server error code or a client one from ApiError. */
export interface SessionError {
  status: number;
  code: string;
}

export type SessionState =
  | { readonly status: 'restoring' }
  | { readonly status: 'signed-out'; readonly error?: SessionError }
  | { readonly status: 'signing-in' }
  | { readonly status: 'signed-in'; readonly token: string; readonly user: User }
  | { readonly status: 'signing-out'; readonly token: string; readonly user: User };

export type SessionStatus = SessionState['status'];

/** Dispatched by {@link SessionStore} on every state transition. */
export class SessionChangeEvent extends Event {
  static readonly type = 'session-change';
  constructor(
    readonly state: SessionState,
    readonly previous: SessionState,
  ) {
    super(SessionChangeEvent.type);
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
export class SessionStore extends EventTarget {
  private current: SessionState = { status: 'signed-out' };

  constructor(
    private readonly auth: AuthGateway,
    private readonly storage: TokenStorage | null = null,
  ) {
    super();
  }

  get state(): SessionState {
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
      const sessionError = toSessionError(error);
      if (sessionError.status === 401 || sessionError.status === 403) {
        this.transition({ status: 'signed-out' });
      } else {
        this.transition({ status: 'signed-out', error: sessionError }, { keepStoredToken: true });
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
      if (this.current === signingIn) this.transition({ status: 'signed-out', error: toSessionError(error) });
    }
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
  private transition(next: SessionState, options: { keepStoredToken?: boolean } = {}): SessionState {
    const previous = this.current;
    this.current = next;
    if (next.status === 'signed-in') this.writeToken(next.token);
    else if (next.status === 'signed-out' && !options.keepStoredToken) this.writeToken(null);
    this.dispatchEvent(new SessionChangeEvent(next, previous));
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

export interface SessionStore {
  addEventListener(
    type: typeof SessionChangeEvent.type,
    listener: (event: SessionChangeEvent) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener(
    type: typeof SessionChangeEvent.type,
    listener: (event: SessionChangeEvent) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

function toSessionError(error: unknown): SessionError {
  if (error instanceof ApiError) return { status: error.status, code: error.code };
  return { status: 0, code: 'unexpected' };
}
