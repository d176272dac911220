import "server-only";
import { cookies } from "next/headers";
import { defaultLocale, dictionaryFor, isLocale, LOCALE_COOKIE, type Locale } from "./locales";

/** The request's locale: the cookie set by the language switch, else zh-CN. */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : defaultLocale;
}

export async function getDictionary() {
  const locale = await getLocale();
  return { locale, t: dictionaryFor(locale) };
}
