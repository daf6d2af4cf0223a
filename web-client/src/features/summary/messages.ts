import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import { archiveMessages } from '../archive/messages';
import { casefileMessages } from '../casefile/messages';
import { meetingMessages } from '../meeting/messages';
import dictionaries from './messages.json';

/** The host's まとめ editor and publish page; proposal types and archive labels come from the features that own them. Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const summaryMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, casefileMessages, meetingMessages, archiveMessages, summaryMessages);
export type MessageKey = Parameters<typeof t>[0];
