import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import { casefileMessages } from '../casefile/messages';
import { meetingMessages } from '../meeting/messages';
import dictionaries from './messages.json';

/** Archive search and entry messages. Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const archiveMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, casefileMessages, meetingMessages, archiveMessages);
export type MessageKey = Parameters<typeof t>[0];
