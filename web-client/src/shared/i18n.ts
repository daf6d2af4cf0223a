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
