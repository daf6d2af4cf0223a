import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import dictionaries from './messages.json';

/** The お知らせ page and its mail settings. Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const notificationMessages = defineMessages(dictionaries);

export const { t, has, translate } = localized(sharedMessages, notificationMessages);
export type MessageKey = Parameters<typeof t>[0];
