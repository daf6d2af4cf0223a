import { loginMessages } from '../features/login/messages';
import { defineMessages } from '../shared/i18n';
import { sharedMessages } from '../shared/messages';
import { localized } from '../state/locale-store';
import dictionaries from './messages.json';

/** The shell's messages: header, language toggle, status announcements. Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const appMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, loginMessages, appMessages);
export type MessageKey = Parameters<typeof t>[0];
