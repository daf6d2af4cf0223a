/**
 * The typed i18n mechanism. Japanese is the primary language. Each feature keeps its messages in
 * its own `messages.ts` through {@link defineMessages}, which makes the compiler hold the English
 * dictionary to exactly the Japanese keys, and gets `t`/`tParts` for those keys (plus the shared
 * ones) from `localized` (state/locale-store.ts, which holds the current locale).
 */

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

/** One dictionary per locale, all with the same keys. */
export interface Messages<K extends string> {
  readonly ja: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

type Dictionary = Readonly<Record<string, string>>;

/** `M` when its en dictionary has exactly the keys of its ja one, else `never` (so the call does not compile). */
type SameKeys<M> = M extends { readonly ja: infer J; readonly en: infer E }
  ? [Exclude<keyof J, keyof E> | Exclude<keyof E, keyof J>] extends [never] ? M : never
  : never;

/** A feature's messages (its `messages.json`); en must have exactly the keys of ja, or this does not compile. */
export function defineMessages<M extends { readonly ja: Dictionary; readonly en: Dictionary }>(
  dictionaries: M & SameKeys<M>,
): Messages<keyof M['ja'] & string> {
  return dictionaries;
}

export type KeysOf<M> = M extends Messages<infer K> ? K : never;

/** Several features' messages as one set (keys are unique: each feature has its own prefixes). */
export function merge<S extends readonly Messages<string>[]>(...sets: S): Messages<KeysOf<S[number]>> {
  const ja = Object.assign({}, ...sets.map((set) => set.ja)) as Record<KeysOf<S[number]>, string>;
  const en = Object.assign({}, ...sets.map((set) => set.en)) as Record<KeysOf<S[number]>, string>;
  return { ja, en };
}

export type Params = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

export interface Translator<K extends string> {
  /** The message for `key` in `locale`, with `{name}` placeholders replaced from `params`. */
  translate(locale: Locale, key: K, params?: Params): string;
  /** {@link translate} in the current locale. */
  t(key: K, params?: Params): string;
  /**
   * Like {@link t}, but placeholders may be filled with any renderable value (e.g. a Lit
   * template holding an element with an id). Returns the parts in order, ready to render.
   */
  tParts<V>(key: K, params: Readonly<Record<string, V>>): (string | V)[];
  /** Whether `key` has a message, for labels of wire values this client may not know. */
  has(key: string): key is K;
}

export function translator<K extends string>(messages: Messages<K>, currentLocale: () => Locale): Translator<K> {
  const translate = (locale: Locale, key: K, params: Params = {}): string =>
    messages[locale][key].replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return {
    translate,
    t: (key, params) => translate(currentLocale(), key, params),
    tParts: <V>(key: K, params: Readonly<Record<string, V>>) => translateParts(messages[currentLocale()][key], params),
    has: (key: string): key is K => key in messages.ja,
  };
}

function translateParts<V>(text: string, params: Readonly<Record<string, V>>): (string | V)[] {
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
