import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import dictionaries from './messages.json';

/** Service catalog messages. Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const catalogMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, catalogMessages);
export type MessageKey = Parameters<typeof t>[0];
