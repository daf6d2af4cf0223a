import { defineMessages, merge, translator } from '../shared/i18n';
import { localeStore } from '../state/locale-store';

/** Messages every feature uses: common words and errors, roles, the main menu. `defineMessages` makes the compiler hold en to exactly ja's keys. */
export const sharedMessages = defineMessages(
  {
    'role.admin': '管理者',
    'role.municipality': '自治体',
    'role.professional': '専門職',
    'role.company': '企業',
    'nav.label': 'メインメニュー',
    'nav.home': 'ホーム',
    'nav.cases': '事例',
    'nav.meetings': '会議',
    'common.loading': '読み込んでいます…',
    'common.select': '選択してください',
    'common.remove': '削除',
    'common.error.network': 'サーバーに接続できませんでした。通信環境をご確認ください',
    'common.error.forbidden': 'この操作を行う権限がありません',
    'common.error.not_found': '見つかりませんでした',
    'common.error.generic': '処理できませんでした。時間をおいて再度お試しください',
    'common.error.validation': '入力内容を確認してください（{message}）',
    'page.notFound': 'ページが見つかりません',
    'nav.archive': '事例アーカイブ',
    'nav.catalog': 'サービス一覧',
    'nav.insight': 'ニーズ分析',
    'nav.login': 'ログイン',
    'common.pagination': 'ページ送り',
    'common.prev': '前へ',
    'common.next': '次へ',
    'common.page': '{page} / {pages} ページ',
    'common.none': 'なし',
  },
  {
    'role.admin': 'Administrator',
    'role.municipality': 'Municipality',
    'role.professional': 'Care professional',
    'role.company': 'Company',
    'nav.label': 'Main menu',
    'nav.home': 'Home',
    'nav.cases': 'Cases',
    'nav.meetings': 'Meetings',
    'common.loading': 'Loading…',
    'common.select': 'Please choose',
    'common.remove': 'Remove',
    'common.error.network': 'Could not reach the server. Please check your connection.',
    'common.error.forbidden': 'You are not allowed to do this.',
    'common.error.not_found': 'Not found.',
    'common.error.generic': 'Something went wrong. Please try again later.',
    'common.error.validation': 'Please check your input ({message}).',
    'page.notFound': 'Page not found',
    'nav.archive': 'Case archive',
    'nav.catalog': 'Services',
    'nav.insight': 'Needs insight',
    'nav.login': 'Sign in',
    'common.pagination': 'Pagination',
    'common.prev': 'Previous',
    'common.next': 'Next',
    'common.page': 'Page {page} of {pages}',
    'common.none': 'None',
  },
);

const messages = merge(sharedMessages);

export type MessageKey = keyof typeof messages.ja;

/** `t(key, params)` and friends in the current locale, for the keys this part may show. */
export const { t, tParts, has, translate } = translator(messages, () => localeStore.locale);
