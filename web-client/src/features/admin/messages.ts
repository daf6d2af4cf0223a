import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import { signupMessages } from '../signup/messages';
import dictionaries from './messages.json';

/** The admin console's messages (its account form's labels are the sign-up feature's `form.*`). */
export const adminMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, signupMessages, adminMessages);
export type MessageKey = Parameters<typeof t>[0];
