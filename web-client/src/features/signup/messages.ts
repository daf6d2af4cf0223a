import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import dictionaries from './messages.json';

/** Sign-up, password reset and first-run setup, and the account form they share with the admin console. */
export const signupMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, signupMessages);
export type MessageKey = Parameters<typeof t>[0];
