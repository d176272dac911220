import { en } from "./en";
import { zhCN, type Dictionary } from "./zh-CN";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";

const dictionaries: Record<Locale, Dictionary> = { "zh-CN": zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function dictionaryFor(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** Fills {name} placeholders and {count, plural, one {…} other {…}} blocks (lib/i18n/format-message.ts). */
export { formatMessage as format } from "./format-message";

export type { Dictionary };
