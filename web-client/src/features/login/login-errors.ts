import { ApiError } from '../../net/http';
import { type MessageKey } from './messages';

/** A client-side error: the form was submitted with an empty field. */
export const MISSING_FIELDS = 'missing_fields';

/** Which message explains a failed sign-in. Unknown codes get the generic message. */
export function loginErrorMessageKey(error: { status: number; code: string }): MessageKey {
  switch (error.code) {
    case 'invalid_credentials':
      return 'login.error.invalid_credentials';
    case 'rate_limited':
      return 'login.error.rate_limited';
    case 'account_disabled':
      return 'login.error.account_disabled';
    case 'pending_approval':
      return 'login.error.pending_approval';
    case 'email_unconfirmed':
      return 'login.error.email_unconfirmed';
    case 'signup_rejected':
      return 'login.error.signup_rejected';
    case MISSING_FIELDS:
      return 'login.error.missing_fields';
    case ApiError.NETWORK:
      return 'login.error.network';
  }
  if (error.status === 429) return 'login.error.rate_limited';
  return 'login.error.generic';
}
