import { localized } from '../state/locale-store';
import { defineMessages } from './i18n';
import dictionaries from './messages.json';

/** Messages every feature uses: common words and errors, roles, the main menu. Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const sharedMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages);
export type MessageKey = Parameters<typeof t>[0];
