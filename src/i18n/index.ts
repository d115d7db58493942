import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-cn';

export type { MessageKey } from './zh-cn';
export type Locale = 'zh-CN' | 'en';

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/** The UI language (UI state only), remembered in localStorage. Chinese is the default. */
export const useLocaleStore = create<LocaleState>()(
  persist((set) => ({ locale: 'zh-CN', setLocale: (locale) => set({ locale }) }), {
    name: 'ducha.locale',
  }),
);

/** Formats a message, replacing `{name}` placeholders with the given values. */
export function translate(
  locale: Locale,
  key: MessageKey,
  values?: Record<string, string | number>,
): string {
  const template = catalogs[locale][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Hook returning `t(key, values)` bound to the current locale. */
export function useT(): Translate {
  const locale = useLocaleStore((s) => s.locale);
  return (key, values) => translate(locale, key, values);
}

/** Number and date formatting follow the UI language; dates always in Asia/Shanghai. */
export function intlLocale(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-GB';
}

/** A feature's message table in both languages. */
export interface MessageTable {
  zh: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

/**
 * Every table made by {@link defineMessages}, in load order: a unit test loads every module that
 * defines one and checks that both languages have the same keys and placeholders, and that the
 * English side has no Chinese (the type only checks keys, and not at all through a cast).
 */
export const messageTables: MessageTable[] = [];

/** A message table's formatter: `m(key)` or `m(key, { n: 3 })` for `{n}` placeholders. */
export type Messages<K extends string> = (
  key: K,
  values?: Record<string, string | number>,
) => string;

function formatter<K extends string>(catalog: Record<K, string>): Messages<K> {
  return (key, values) => {
    const template = catalog[key];
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}

/**
 * Messages owned by one feature (kept beside it, so features never edit the shared catalogue):
 * `const useMsg = defineMessages({ title: '预警督办' }, { title: 'Alerts' })`, then
 * `const m = useMsg(); m('title')` or `m('count', { n: 3 })` with `{n}` placeholders. Outside a
 * component (a pure text builder, a test) `useMsg.forLocale('en')` gives the same formatter.
 */
export function defineMessages<K extends string>(
  zh: Record<K, string>,
  english: Record<K, string>,
): (() => Messages<K>) & { forLocale: (locale: Locale) => Messages<K> } {
  messageTables.push({ zh, en: english });
  const byLocale: Record<Locale, Messages<K>> = { 'zh-CN': formatter(zh), en: formatter(english) };
  function useMessages(): Messages<K> {
    return byLocale[useLocaleStore((s) => s.locale)];
  }
  return Object.assign(useMessages, { forLocale: (locale: Locale) => byLocale[locale] });
}
