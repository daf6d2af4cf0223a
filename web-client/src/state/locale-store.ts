import { locales, merge, translator, type KeysOf, type Locale, type Messages, type Translator } from '../shared/i18n';
import { TypedEventTarget } from '../shared/typed-events';

export const DEFAULT_LOCALE: Locale = 'ja';
export const LOCALE_STORAGE_KEY = 'yoriai.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
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
 * and dispatches a {@link LocaleChangeEvent}. Components re-render on it through
 * `StoreController` (shared/store-controller.ts).
 */
export class LocaleStore extends TypedEventTarget<typeof LocaleChangeEvent.type, LocaleChangeEvent> {
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

/** `t`, `tParts`, `has` and `translate` for the keys of `sets`, in the application's current locale. */
export function localized<S extends readonly Messages<string>[]>(...sets: S): Translator<KeysOf<S[number]>> {
  return translator(merge(...sets), () => localeStore.locale);
}
