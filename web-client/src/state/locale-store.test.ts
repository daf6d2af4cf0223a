import { appMessages } from '../app/messages';
import { archiveMessages } from '../features/archive/messages';
import { casefileMessages } from '../features/casefile/messages';
import { catalogMessages } from '../features/catalog/messages';
import { insightMessages } from '../features/insight/messages';
import { loginMessages, tParts, translate } from '../features/login/messages';
import { meetingMessages } from '../features/meeting/messages';
import { merge, type Locale } from '../shared/i18n';
import { sharedMessages } from '../shared/messages';
import { LOCALE_STORAGE_KEY, LocaleChangeEvent, LocaleStore, localeStore } from './locale-store';

/** Every feature's messages: the compiler checks each feature's ja/en keys, this test all of them at once. */
const dictionaries: Readonly<Record<Locale, Readonly<Record<string, string>>>> = merge(
  sharedMessages, appMessages, loginMessages, casefileMessages, meetingMessages, archiveMessages, catalogMessages, insightMessages,
);
const translateParts = <V>(locale: Locale, key: 'session.welcome', params: Readonly<Record<string, V>>) => {
  localeStore.set(locale);
  return tParts(key, params);
};

describe('i18n', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'ja';
  });

  test('Japanese is the default locale', () => {
    const store = new LocaleStore(localStorage, document.documentElement);
    expect(store.locale).toBe('ja');
    expect(translate(store.locale, 'login.submit')).toBe('ログイン');
  });

  test('toggling switches the strings, updates html lang and persists the choice', () => {
    const store = new LocaleStore(localStorage, document.documentElement);
    const events: LocaleChangeEvent[] = [];
    store.addEventListener(LocaleChangeEvent.type, (e) => events.push(e));

    store.toggle();

    expect(store.locale).toBe('en');
    expect(translate(store.locale, 'login.submit')).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(events.map((e) => [e.previous, e.locale])).toEqual([['ja', 'en']]);

    const afterReload = new LocaleStore(localStorage, document.documentElement);
    expect(afterReload.locale).toBe('en');
  });

  test('setting the same locale dispatches nothing', () => {
    const store = new LocaleStore(localStorage, null);
    const listener = vi.fn();
    store.addEventListener(LocaleChangeEvent.type, listener);
    store.set('ja');
    expect(listener).not.toHaveBeenCalled();
  });

  test('an unknown stored value falls back to Japanese', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(new LocaleStore(localStorage, null).locale).toBe('ja');
  });

  test('unavailable storage does not break switching', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const store = new LocaleStore(broken, null);
    store.toggle();
    expect(store.locale).toBe('en');
  });

  test('placeholders are filled, as text or as parts', () => {
    expect(translate('ja', 'session.welcome', { name: '佐藤' })).toBe('ようこそ、佐藤さん');
    expect(translate('en', 'session.welcome', { name: 'Sato' })).toBe('Welcome, Sato');
    const marker = { el: 'name' };
    expect(translateParts('ja', 'session.welcome', { name: marker })).toEqual(['ようこそ、', marker, 'さん']);
  });

  test('every dictionary has a non-empty message for every key', () => {
    const keys = Object.keys(dictionaries.ja).sort();
    for (const dictionary of Object.values(dictionaries)) {
      expect(Object.keys(dictionary).sort()).toEqual(keys);
      for (const message of Object.values(dictionary)) expect(message.trim()).not.toBe('');
    }
  });
});
