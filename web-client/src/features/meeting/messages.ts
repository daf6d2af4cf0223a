import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import { casefileMessages } from '../casefile/messages';
import dictionaries from './messages.json';

/** Meeting list, creation and room messages, with phase and proposal-type labels (the case panel also uses the case file's). Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const meetingMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, casefileMessages, meetingMessages);
export type MessageKey = Parameters<typeof t>[0];
