import { defineMessages, merge, translator } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { localeStore } from '../../state/locale-store';

/** Needs-insight messages. `defineMessages` makes the compiler hold en to exactly ja's keys. */
export const insightMessages = defineMessages(
  {
    'insight.title': 'ニーズ分析',
    'insight.lead': '公開された事例を、ニーズ・地域・要介護度ごとに集計しています。{threshold}件未満の件数は個人が特定されないよう「<{threshold}」と表示します。',
    'insight.totals': 'ニーズ別の件数',
    'insight.chartLabel': 'ニーズ別の件数（棒グラフ）。同じ内容を下の表にも示します。',
    'insight.need': 'ニーズ',
    'insight.cases': '件数',
    'insight.partlyHidden': '（一部非表示）',
    'insight.suppressed': '{threshold}件未満',
    'insight.cells': 'ニーズ × 地域 × 要介護度',
    'insight.prefecture': '都道府県',
    'insight.careLevel': '要介護度',
    'insight.gaps': 'サービスの空白',
    'insight.gapsLead': 'ニーズがあるのに、その地域に対応するサービスがカタログにない組み合わせです。',
    'insight.categories': '求められるカテゴリ',
    'insight.noGaps': '空白は見つかっていません',
    'insight.csv': 'CSVでダウンロード',
    'insight.near': '近くのニーズのみ表示（{prefecture}）',
    'insight.nearHeading': '{prefecture}のニーズを表示しています',
    'insight.empty': 'まだ集計できる事例がありません',
  },
  {
    'insight.title': 'Needs insight',
    'insight.lead': 'Published cases aggregated by need, region and care level. Counts below {threshold} are shown as “<{threshold}” so no one can be singled out.',
    'insight.totals': 'Cases per need',
    'insight.chartLabel': 'Cases per need (bar chart). The table below shows the same data.',
    'insight.need': 'Need',
    'insight.cases': 'Cases',
    'insight.partlyHidden': '(partly hidden)',
    'insight.suppressed': 'fewer than {threshold}',
    'insight.cells': 'Need × region × care level',
    'insight.prefecture': 'Prefecture',
    'insight.careLevel': 'Care level',
    'insight.gaps': 'Service gaps',
    'insight.gapsLead': 'Needs raised where no catalog service serves the area.',
    'insight.categories': 'Categories needed',
    'insight.noGaps': 'No gaps found.',
    'insight.csv': 'Download CSV',
    'insight.near': 'Show needs near you only ({prefecture})',
    'insight.nearHeading': 'Showing needs in {prefecture}',
    'insight.empty': 'No published cases to aggregate yet.',
  },
);

const messages = merge(sharedMessages, insightMessages);

export type MessageKey = keyof typeof messages.ja;

/** `t(key, params)` and friends in the current locale, for the keys this feature may show. */
export const { t, tParts, has, translate } = translator(messages, () => localeStore.locale);
