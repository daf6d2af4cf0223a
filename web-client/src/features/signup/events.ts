import type { LoginResponse } from '../../net/protocol';

/** Typed events of the sign-up feature; the app shell turns them into sign-in and navigation. */

/** The first admin was created and is signed in with `response`. */
export class SetupDoneEvent extends Event {
  static readonly type = 'setup-done';
  constructor(readonly response: LoginResponse) {
    super(SetupDoneEvent.type, { bubbles: true, composed: true });
  }
}

/** A new password was set through a reset link; the person signs in next. */
export class PasswordResetDoneEvent extends Event {
  static readonly type = 'password-reset-done';
  constructor() {
    super(PasswordResetDoneEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [SetupDoneEvent.type]: SetupDoneEvent;
    [PasswordResetDoneEvent.type]: PasswordResetDoneEvent;
  }
}
