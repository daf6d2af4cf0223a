/** Typed events raised by the login feature's components; the app shell turns them into store calls. */

/** The user submitted the login form with both fields filled in. */
export class LoginRequestEvent extends Event {
  static readonly type = 'login-request';
  constructor(
    readonly email: string,
    readonly password: string,
  ) {
    super(LoginRequestEvent.type, { bubbles: true, composed: true });
  }
}

/** The user pressed ログアウト. */
export class LogoutRequestEvent extends Event {
  static readonly type = 'logout-request';
  constructor() {
    super(LogoutRequestEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [LoginRequestEvent.type]: LoginRequestEvent;
    [LogoutRequestEvent.type]: LogoutRequestEvent;
  }
}
