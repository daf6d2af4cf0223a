/**
 * A small typed i18n module. Japanese is the primary language; every other dictionary must
 * provide exactly the same keys (the compiler enforces it through {@link Dictionary}).
 *
 * `t(key, params)` reads the current locale from the {@link localeStore} singleton. Components
 * re-render on {@link LocaleChangeEvent} (see `StoreController` in `store-controller.ts`).
 */

const ja = {
  'app.name': '寄り合い',
  'app.tagline': '地域ケア会議をオンラインで',
  'lang.name': '日本語',
  'lang.switchLabel': '表示言語',
  'login.title': 'ログイン',
  'login.intro': '登録済みのメールアドレスとパスワードを入力してください。',
  'login.email': 'メールアドレス',
  'login.password': 'パスワード',
  'login.submit': 'ログイン',
  'login.submitting': 'ログインしています…',
  'login.error.invalid_credentials': 'メールアドレスまたはパスワードが正しくありません',
  'login.error.rate_limited': 'しばらく待ってから再度お試しください',
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
  'role.admin': '管理者',
  'role.municipality': '自治体',
  'role.professional': '専門職',
  'role.company': '企業',
  'status.signingIn': 'ログインしています',
  'status.signedIn': 'ログインしました',
  'status.signingOut': 'ログアウトしています',
  'status.signedOut': 'ログアウトしました',
  'status.localeChanged': '表示言語を日本語に切り替えました',
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
  'cases.title': '事例一覧',
  'cases.new': '新しい事例を作成',
  'cases.empty': 'まだ事例がありません',
  'cases.updated': '更新: {date}',
  'caseState.draft': '下書き',
  'caseState.submitted': '提出済み',
  'caseState.scheduled': '会議予定',
  'caseState.discussed': '検討済み',
  'caseState.published': '公開済み',
  'caseState.withdrawn': '取り下げ',
  'case.heading.new': '事例の作成',
  'case.heading.edit': '事例の編集',
  'case.intro': '本人が特定できる情報（氏名・住所・電話番号・生年月日など）は書かないでください。入力中に自動で確認します。',
  'case.stateLabel': '状態',
  'case.section.basic': '基本情報',
  'case.section.person': '本人の状況',
  'case.section.activities': '生活行為（できること・難しいこと）',
  'case.section.wishes': '本人の意向と現在の支援',
  'case.title': '事例タイトル',
  'case.prefecture': '都道府県',
  'case.provider': '提供機関（任意・公開されます）',
  'case.ageBand': '年齢層',
  'case.ageBandValue': '{band}歳',
  'case.gender': '性別（任意）',
  'case.careLevel': '要介護度',
  'case.household': '世帯',
  'case.housing': '住まいの状況',
  'case.health': '健康状態（一般的な表現で）',
  'case.activity': '生活行為',
  'case.level': '自立度',
  'case.canDo': 'できること',
  'case.difficulty': '難しいこと',
  'case.activityRow': '生活行為 {n}',
  'case.addActivity': '生活行為を追加',
  'case.removeActivity': '生活行為 {n} を削除',
  'case.noActivities': '生活行為を追加してください',
  'case.wishes': '本人の意向・目指す姿',
  'case.supports': '現在の支援',
  'case.supportKind': '種類',
  'case.supportDescription': '内容',
  'case.supportRow': '支援 {n}',
  'case.addSupport': '支援を追加',
  'case.removeSupport': '支援 {n} を削除',
  'case.questions': '会議で相談したいこと',
  'case.save': '保存',
  'case.saving': '保存しています…',
  'case.submit': '提出',
  'case.submitting': '提出しています…',
  'case.submitHint': '提出すると会議で取り上げられるようになります。提出前に個人情報の確認が行われます。',
  'case.error.titleRequired': '事例タイトルを入力してください',
  'case.status.saved': '保存しました',
  'case.status.submitted': '提出しました',
  'gender.female': '女性',
  'gender.male': '男性',
  'gender.other': 'その他',
  'supportKind.formal': '公的サービス（フォーマル）',
  'supportKind.informal': 'インフォーマル（家族・近所・ボランティア）',
  'supportKind.market': '市場サービス（民間企業）',
  'level.自立': '自立',
  'level.見守り': '見守り',
  'level.一部介助': '一部介助',
  'level.全介助': '全介助',
  'household.独居': '独居',
  'household.高齢夫婦': '高齢夫婦',
  'household.子と同居': '子と同居',
  'household.その他': 'その他',
  'pii.person_name': '人名の可能性があります',
  'pii.phone': '電話番号の可能性があります',
  'pii.postal_code': '郵便番号の可能性があります',
  'pii.address': '住所の可能性があります',
  'pii.birth_date': '生年月日の可能性があります',
  'pii.exact_age': '正確な年齢の可能性があります（年齢層で書いてください）',
  'pii.care_insurance_number': '被保険者番号の可能性があります',
  'pii.my_number': 'マイナンバーの可能性があります',
  'pii.email': 'メールアドレスの可能性があります',
  'pii.unknown': '個人情報の可能性があります',
  'pii.quote': '「{text}」: {message}',
  'pii.summary': '個人情報の可能性がある箇所: {count}件',
  'pii.none': '個人情報の可能性がある箇所は見つかっていません',
  'pii.blocked': '提出できません。個人情報の可能性がある箇所が{count}件あります。修正してから再度提出してください',
  'pii.saveBlocked': '保存できません。個人情報の可能性がある箇所が{count}件あります。修正してから再度保存してください',
  'meetings.title': '会議一覧',
  'meetings.upcoming': '予定・開催中の会議',
  'meetings.past': '終了した会議',
  'meetings.empty': '会議はありません',
  'meetings.create': '会議を作成',
  'meetings.join': '参加する',
  'meetings.startsAt': '開始: {date}',
  'meetingState.scheduled': '予定',
  'meetingState.live': '開催中',
  'meetingState.closed': '終了',
  'meetingForm.heading': '会議の作成',
  'meetingForm.title': '会議名',
  'meetingForm.cases': '検討する事例（提出済みの事例から選択）',
  'meetingForm.casesHint': 'Ctrl キー（Mac は ⌘ キー）を押しながら選ぶと複数選択できます',
  'meetingForm.noCases': '提出済みの事例がありません。先に事例を提出してください',
  'meetingForm.visibility': '公開範囲',
  'meetingForm.startsAt': '開始日時',
  'meetingForm.phaseMinutes': '各段階の時間（分）',
  'meetingForm.submit': '作成する',
  'meetingForm.creating': '作成しています…',
  'meetingForm.error.required': '会議名・事例・開始日時を入力してください',
  'meetingForm.onlyMunicipality': '会議を作成できるのは自治体のアカウントです',
  'visibility.open': '公開（ログインしている誰でも参加できます）',
  'visibility.invite': '招待制（招待コードが必要です）',
  'phase.presentation': '事例説明',
  'phase.questions': '質疑応答',
  'phase.advice': '各専門職からの助言',
  'phase.proposals': '解決策の提案',
  'phase.summary': 'まとめ',
  'phase.closed': '終了',
  'phase.none': '開始前',
  'connection.idle': '準備中',
  'connection.connecting': '接続しています…',
  'connection.joining': '参加しています…',
  'connection.live': '接続中',
  'connection.reconnecting': '再接続中…',
  'connection.closed': '切断されました',
  'room.phaseBar': '会議の進行',
  'room.remaining': '残り {time}',
  'room.overtime': '{time} 超過',
  'room.phaseNext': '次の段階へ: {phase}',
  'room.phaseStart': '会議を開始: {phase}',
  'room.messages': '発言',
  'room.noMessages': 'まだ発言はありません',
  'room.reply': '返信',
  'room.replyingTo': '{name}さんへの返信',
  'room.cancelReply': '返信をやめる',
  'room.hidden': '非表示',
  'room.hide': '非表示にする',
  'room.composer': '発言を入力',
  'room.send': '送信',
  'room.muted': '司会者により発言が制限されています',
  'room.removed': '司会者によりこの会議から退出となりました',
  'room.closedMeeting': 'この会議は終了しました',
  'room.announce': '{name}さんの発言: {text}',
  'room.react': '{emoji} でリアクション（{count}）',
  'room.proposals': '解決策の提案',
  'room.newProposal': '提案を投稿',
  'room.noProposals': 'まだ提案はありません',
  'room.hands': '発言の順番待ち',
  'room.raiseHand': '挙手する',
  'room.lowerHand': '手を下ろす',
  'room.noHands': '挙手している人はいません',
  'room.presence': '参加者（{count}人）',
  'room.mute': 'ミュート',
  'room.unmute': 'ミュート解除',
  'room.remove': '退出させる',
  'room.mutedBadge': '発言制限中',
  'room.hostBadge': '司会',
  'room.inviteCode': '招待コード',
  'room.you': 'あなた',
  'room.error.forbidden': 'この会議に参加する権限がありません',
  'room.error.not_found': '会議が見つかりません',
  'room.error.unauthenticated': 'ログインし直してください',
  'room.error.closed': 'この会議は終了しました',
  'room.error.command': '送信できませんでした（{code}）',
  'room.error.muted': '司会者により発言が制限されているため送信できませんでした',
  'room.error.rate_limited': '送信が多すぎます。少し待ってから送ってください',
  'room.error.not_open': 'この操作は今の段階ではできません',
  'proposal.target': '対象の生活行為・困りごと',
  'proposal.type': '種類',
  'proposal.description': '提案内容',
  'proposal.keeps': '本人のできることをどう保つか',
  'proposal.submit': '提案する',
  'proposal.error.required': '対象・提案内容・できることの保ち方を入力してください',
  'proposal.endorse': '賛同する',
  'proposal.endorsed': '賛同済み',
  'proposal.count': '賛同 {count}',
  'proposal.by': '提案者: {name}',
  'proposal.keepsLabel': 'できることの保ち方',
  'proposalType.market': '市場サービス',
  'proposalType.mutual': '互助・インフォーマル',
  'proposalType.public': '公的サービス',
  'proposalType.hybrid': '組み合わせ',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof ja;
export type Dictionary = Readonly<Record<MessageKey, string>>;

const en: Dictionary = {
  'app.name': 'Yoriai',
  'app.tagline': 'Community care meetings, online',
  'lang.name': 'English',
  'lang.switchLabel': 'Display language',
  'login.title': 'Sign in',
  'login.intro': 'Enter the email address and password of your account.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.error.invalid_credentials': 'The email address or password is incorrect.',
  'login.error.rate_limited': 'Too many attempts. Please wait a moment and try again.',
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
  'role.admin': 'Administrator',
  'role.municipality': 'Municipality',
  'role.professional': 'Care professional',
  'role.company': 'Company',
  'status.signingIn': 'Signing in',
  'status.signedIn': 'Signed in',
  'status.signingOut': 'Signing out',
  'status.signedOut': 'Signed out',
  'status.localeChanged': 'Display language switched to English',
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
  'cases.title': 'Cases',
  'cases.new': 'New case',
  'cases.empty': 'No cases yet.',
  'cases.updated': 'Updated: {date}',
  'caseState.draft': 'Draft',
  'caseState.submitted': 'Submitted',
  'caseState.scheduled': 'Scheduled',
  'caseState.discussed': 'Discussed',
  'caseState.published': 'Published',
  'caseState.withdrawn': 'Withdrawn',
  'case.heading.new': 'New case',
  'case.heading.edit': 'Edit case',
  'case.intro': 'Do not write anything that identifies the person (name, address, phone number, date of birth…). Your text is checked as you type.',
  'case.stateLabel': 'Status',
  'case.section.basic': 'Basics',
  'case.section.person': 'The person',
  'case.section.activities': 'Daily activities (what the person can do, what is hard)',
  'case.section.wishes': 'Wishes and current support',
  'case.title': 'Case title',
  'case.prefecture': 'Prefecture',
  'case.provider': 'Provider organization (optional, shown publicly)',
  'case.ageBand': 'Age band',
  'case.ageBandValue': '{band} years',
  'case.gender': 'Gender (optional)',
  'case.careLevel': 'Care level',
  'case.household': 'Household',
  'case.housing': 'Housing',
  'case.health': 'Health (in general terms)',
  'case.activity': 'Activity',
  'case.level': 'Level',
  'case.canDo': 'Can do',
  'case.difficulty': 'Difficulty',
  'case.activityRow': 'Activity {n}',
  'case.addActivity': 'Add activity',
  'case.removeActivity': 'Remove activity {n}',
  'case.noActivities': 'Add at least one activity.',
  'case.wishes': 'Wishes and goals',
  'case.supports': 'Current support',
  'case.supportKind': 'Kind',
  'case.supportDescription': 'Description',
  'case.supportRow': 'Support {n}',
  'case.addSupport': 'Add support',
  'case.removeSupport': 'Remove support {n}',
  'case.questions': 'Questions for the meeting',
  'case.save': 'Save',
  'case.saving': 'Saving…',
  'case.submit': 'Submit',
  'case.submitting': 'Submitting…',
  'case.submitHint': 'Submitted cases can be discussed in meetings. Personal information is checked before submitting.',
  'case.error.titleRequired': 'Enter a case title.',
  'case.status.saved': 'Saved.',
  'case.status.submitted': 'Submitted.',
  'gender.female': 'Female',
  'gender.male': 'Male',
  'gender.other': 'Other',
  'supportKind.formal': 'Formal (public) service',
  'supportKind.informal': 'Informal (family, neighbours, volunteers)',
  'supportKind.market': 'Market service (private company)',
  'level.自立': 'Independent',
  'level.見守り': 'Supervision',
  'level.一部介助': 'Partial assistance',
  'level.全介助': 'Full assistance',
  'household.独居': 'Lives alone',
  'household.高齢夫婦': 'Elderly couple',
  'household.子と同居': 'Lives with a child',
  'household.その他': 'Other',
  'pii.person_name': 'This may be a personal name.',
  'pii.phone': 'This may be a phone number.',
  'pii.postal_code': 'This may be a postal code.',
  'pii.address': 'This may be a street address.',
  'pii.birth_date': 'This may be a date of birth.',
  'pii.exact_age': 'This may be an exact age (use the age band).',
  'pii.care_insurance_number': 'This may be a care-insurance number.',
  'pii.my_number': 'This may be a My Number.',
  'pii.email': 'This may be an email address.',
  'pii.unknown': 'This may be personal information.',
  'pii.quote': '“{text}”: {message}',
  'pii.summary': 'Possible personal information: {count}',
  'pii.none': 'No personal information found so far.',
  'pii.blocked': 'Cannot submit: {count} possible personal information found. Fix them and submit again.',
  'pii.saveBlocked': 'Cannot save: {count} possible personal information found. Fix them and save again.',
  'meetings.title': 'Meetings',
  'meetings.upcoming': 'Upcoming and live',
  'meetings.past': 'Past meetings',
  'meetings.empty': 'No meetings.',
  'meetings.create': 'Create a meeting',
  'meetings.join': 'Join',
  'meetings.startsAt': 'Starts: {date}',
  'meetingState.scheduled': 'Scheduled',
  'meetingState.live': 'Live',
  'meetingState.closed': 'Closed',
  'meetingForm.heading': 'Create a meeting',
  'meetingForm.title': 'Meeting title',
  'meetingForm.cases': 'Cases to discuss (from your submitted cases)',
  'meetingForm.casesHint': 'Hold Ctrl (⌘ on a Mac) to choose several.',
  'meetingForm.noCases': 'You have no submitted cases. Submit a case first.',
  'meetingForm.visibility': 'Visibility',
  'meetingForm.startsAt': 'Start date and time',
  'meetingForm.phaseMinutes': 'Minutes per phase',
  'meetingForm.submit': 'Create',
  'meetingForm.creating': 'Creating…',
  'meetingForm.error.required': 'Enter a title, choose at least one case and a start time.',
  'meetingForm.onlyMunicipality': 'Only municipality accounts can create meetings.',
  'visibility.open': 'Open (any signed-in user can join)',
  'visibility.invite': 'Invitation only (needs an invite code)',
  'phase.presentation': 'Case presentation',
  'phase.questions': 'Questions',
  'phase.advice': 'Advice from professionals',
  'phase.proposals': 'Proposals',
  'phase.summary': 'Summary',
  'phase.closed': 'Closed',
  'phase.none': 'Not started',
  'connection.idle': 'Preparing',
  'connection.connecting': 'Connecting…',
  'connection.joining': 'Joining…',
  'connection.live': 'Connected',
  'connection.reconnecting': 'Reconnecting…',
  'connection.closed': 'Disconnected',
  'room.phaseBar': 'Meeting progress',
  'room.remaining': '{time} left',
  'room.overtime': '{time} over',
  'room.phaseNext': 'Next: {phase}',
  'room.phaseStart': 'Start: {phase}',
  'room.messages': 'Discussion',
  'room.noMessages': 'No messages yet.',
  'room.reply': 'Reply',
  'room.replyingTo': 'Replying to {name}',
  'room.cancelReply': 'Cancel reply',
  'room.hidden': 'Hidden',
  'room.hide': 'Hide',
  'room.composer': 'Your message',
  'room.send': 'Send',
  'room.muted': 'The host has muted you.',
  'room.removed': 'The host removed you from this meeting.',
  'room.closedMeeting': 'This meeting has ended.',
  'room.announce': '{name} said: {text}',
  'room.react': 'React with {emoji} ({count})',
  'room.proposals': 'Proposals',
  'room.newProposal': 'Post a proposal',
  'room.noProposals': 'No proposals yet.',
  'room.hands': 'Speaking queue',
  'room.raiseHand': 'Raise hand',
  'room.lowerHand': 'Lower hand',
  'room.noHands': 'No raised hands.',
  'room.presence': 'Participants ({count})',
  'room.mute': 'Mute',
  'room.unmute': 'Unmute',
  'room.remove': 'Remove',
  'room.mutedBadge': 'Muted',
  'room.hostBadge': 'Host',
  'room.inviteCode': 'Invite code',
  'room.you': 'you',
  'room.error.forbidden': 'You are not allowed to join this meeting.',
  'room.error.not_found': 'Meeting not found.',
  'room.error.unauthenticated': 'Please sign in again.',
  'room.error.closed': 'This meeting has ended.',
  'room.error.command': 'Could not send ({code}).',
  'room.error.muted': 'You are muted, so this was not sent.',
  'room.error.rate_limited': 'Too many messages. Please wait a moment.',
  'room.error.not_open': 'This is not possible in the current phase.',
  'proposal.target': 'Target activity or need',
  'proposal.type': 'Type',
  'proposal.description': 'Proposal',
  'proposal.keeps': 'How it keeps the person’s own abilities',
  'proposal.submit': 'Propose',
  'proposal.error.required': 'Fill in the target, the proposal and how it keeps abilities.',
  'proposal.endorse': 'Endorse',
  'proposal.endorsed': 'Endorsed',
  'proposal.count': '{count} endorsements',
  'proposal.by': 'By {name}',
  'proposal.keepsLabel': 'Keeps abilities',
  'proposalType.market': 'Market service',
  'proposalType.mutual': 'Mutual aid / informal',
  'proposalType.public': 'Public service',
  'proposalType.hybrid': 'Hybrid',
};

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

export const dictionaries: Readonly<Record<Locale, Dictionary>> = { ja, en };

export const DEFAULT_LOCALE: Locale = 'ja';
export const LOCALE_STORAGE_KEY = 'yoriai.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type Params = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message for `key` in `locale`, with `{name}` placeholders replaced from `params`. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return dictionaries[locale][key].replace(PLACEHOLDER, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * Like {@link translate}, but placeholders may be filled with any renderable value (e.g. a Lit
 * template holding an element with an id). Returns the parts in order, ready to render.
 */
export function translateParts<V>(locale: Locale, key: MessageKey, params: Readonly<Record<string, V>>): (string | V)[] {
  const text = dictionaries[locale][key];
  const parts: (string | V)[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (!(name in params)) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(params[name]);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Dispatched by {@link LocaleStore} whenever the locale actually changes. */
export class LocaleChangeEvent extends Event {
  static readonly type = 'locale-change';
  constructor(
    readonly locale: Locale,
    readonly previous: Locale,
  ) {
    super(LocaleChangeEvent.type);
  }
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Holds the UI locale. The only place it changes: persists the choice, updates `<html lang>`
 * and dispatches a {@link LocaleChangeEvent}.
 */
export class LocaleStore extends EventTarget {
  private current: Locale;

  constructor(
    private readonly storage: KeyValueStorage | null = null,
    private readonly root: HTMLElement | null = null,
  ) {
    super();
    const stored = readSafely(storage, LOCALE_STORAGE_KEY);
    this.current = isLocale(stored) ? stored : DEFAULT_LOCALE;
    this.root?.setAttribute('lang', this.current);
  }

  get locale(): Locale {
    return this.current;
  }

  /** The locale the toggle switches to. */
  get other(): Locale {
    return this.current === 'ja' ? 'en' : 'ja';
  }

  set(locale: Locale): void {
    if (locale === this.current) return;
    const previous = this.current;
    this.current = locale;
    try {
      this.storage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage may be unavailable (private mode, quota); the choice then lasts for this page only.
    }
    this.root?.setAttribute('lang', locale);
    this.dispatchEvent(new LocaleChangeEvent(locale, previous));
  }

  toggle(): void {
    this.set(this.other);
  }
}

export interface LocaleStore {
  addEventListener(
    type: typeof LocaleChangeEvent.type,
    listener: (event: LocaleChangeEvent) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener(
    type: typeof LocaleChangeEvent.type,
    listener: (event: LocaleChangeEvent) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

function readSafely(storage: KeyValueStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function browserLocalStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The application's locale. */
export const localeStore = new LocaleStore(
  browserLocalStorage(),
  typeof document === 'undefined' ? null : document.documentElement,
);

/** The message for `key` in the current locale. */
export function t(key: MessageKey, params?: Params): string {
  return translate(localeStore.locale, key, params);
}

/** {@link translateParts} in the current locale. */
export function tParts<V>(key: MessageKey, params: Readonly<Record<string, V>>): (string | V)[] {
  return translateParts(localeStore.locale, key, params);
}
