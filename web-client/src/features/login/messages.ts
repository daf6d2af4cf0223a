import { defineMessages, merge, translator } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localeStore } from '../../state/locale-store';

/** Sign-in and account messages. `defineMessages` makes the compiler hold en to exactly ja's keys. */
export const loginMessages = defineMessages(
  {
    'login.title': 'ログイン',
    'login.intro': '登録済みのメールアドレスとパスワードを入力してください。',
    'login.email': 'メールアドレス',
    'login.password': 'パスワード',
    'login.submit': 'ログイン',
    'login.submitting': 'ログインしています…',
    'login.error.invalid_credentials': 'メールアドレスまたはパスワードが正しくありません',
    'login.error.rate_limited': 'しばらく待ってから再度お試しください',
    'login.error.account_disabled': 'このアカウントは無効になっています。管理者にお問い合わせください',
    'login.error.missing_fields': 'メールアドレスとパスワードを入力してください',
    'login.error.network': 'サーバーに接続できませんでした。通信環境をご確認ください',
    'login.error.generic': 'ログインできませんでした。時間をおいて再度お試しください',
    'session.restoring': 'ログイン状態を確認しています…',
    'session.welcome': 'ようこそ、{name}さん',
    'session.role': '役割',
    'session.roleWithProfession': '{role}（{profession}）',
    'session.organization': '所属',
    'session.organizationWithPrefecture': '{organization}（{prefecture}）',
    'session.email': 'メールアドレス',
    'session.logout': 'ログアウト',
  },
  {
    'login.title': 'Sign in',
    'login.intro': 'Enter the email address and password of your account.',
    'login.email': 'Email address',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.submitting': 'Signing in…',
    'login.error.invalid_credentials': 'The email address or password is incorrect.',
    'login.error.rate_limited': 'Too many attempts. Please wait a moment and try again.',
    'login.error.account_disabled': 'This account has been disabled. Please contact your administrator.',
    'login.error.missing_fields': 'Enter your email address and password.',
    'login.error.network': 'Could not reach the server. Please check your connection.',
    'login.error.generic': 'Sign-in failed. Please try again later.',
    'session.restoring': 'Checking your session…',
    'session.welcome': 'Welcome, {name}',
    'session.role': 'Role',
    'session.roleWithProfession': '{role} ({profession})',
    'session.organization': 'Organization',
    'session.organizationWithPrefecture': '{organization} ({prefecture})',
    'session.email': 'Email address',
    'session.logout': 'Sign out',
  },
);

const messages = merge(sharedMessages, loginMessages);

export type MessageKey = keyof typeof messages.ja;

/** `t(key, params)` and friends in the current locale, for the keys this feature may show. */
export const { t, tParts, has, translate } = translator(messages, () => localeStore.locale);
