import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import dictionaries from './messages.json';

/** Case sheet and case list messages, with the labels of the sheet's values and PII kinds. Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const casefileMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, casefileMessages);
export type MessageKey = Parameters<typeof t>[0];
