import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import dictionaries from './messages.json';

/** Needs-insight messages. Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const insightMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, insightMessages);
export type MessageKey = Parameters<typeof t>[0];
