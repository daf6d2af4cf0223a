import { loginMessages } from '../features/login/messages';
import { defineMessages, merge, translator } from '../shared/i18n';
import { sharedMessages } from '../shared/messages';
import { localeStore } from '../state/locale-store';

/** The shell's messages: header, language toggle, status announcements. `defineMessages` makes the compiler hold en to exactly ja's keys. */
export const appMessages = defineMessages(
  {
    'app.name': '寄り合い',
    'app.tagline': '地域ケア会議をオンラインで',
    'lang.name': '日本語',
    'lang.switchLabel': '表示言語',
    'status.signingIn': 'ログインしています',
    'status.signedIn': 'ログインしました',
    'status.signingOut': 'ログアウトしています',
    'status.signedOut': 'ログアウトしました',
    'status.localeChanged': '表示言語を日本語に切り替えました',
  },
  {
    'app.name': 'Yoriai',
    'app.tagline': 'Community care meetings, online',
    'lang.name': 'English',
    'lang.switchLabel': 'Display language',
    'status.signingIn': 'Signing in',
    'status.signedIn': 'Signed in',
    'status.signingOut': 'Signing out',
    'status.signedOut': 'Signed out',
    'status.localeChanged': 'Display language switched to English',
  },
);

const messages = merge(sharedMessages, loginMessages, appMessages);

export type MessageKey = keyof typeof messages.ja;

/** `t(key, params)` and friends in the current locale, for the keys this part may show. */
export const { t, tParts, has, translate } = translator(messages, () => localeStore.locale);
