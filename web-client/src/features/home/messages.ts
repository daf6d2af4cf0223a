import { defineMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localized } from '../../state/locale-store';
import dictionaries from './messages.json';

/** The home page's messages (what Yoriai is, each role's next steps). Kept in messages.json; `defineMessages` holds en to exactly ja's keys at compile time. */
export const homeMessages = defineMessages(dictionaries);

export const { t, tParts, has, translate } = localized(sharedMessages, homeMessages);
export type MessageKey = Parameters<typeof t>[0];
