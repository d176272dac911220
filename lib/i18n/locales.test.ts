import { describe, expect, it } from "vitest";
import { dictionaryFor, format, isLocale, locales } from "./locales";

function leaves(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, child] of Object.entries(value as object)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === "object") for (const [k, v] of leaves(child, name)) out.set(k, v);
    else out.set(name, child);
  }
  return out;
}

describe("dictionaries", () => {
  const reference = leaves(dictionaryFor("zh-CN"));

  it.each(locales)("%s has exactly the reference keys, each a non-empty string", (locale) => {
    const dict = leaves(dictionaryFor(locale));
    expect([...dict.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, value] of dict) expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
  });

  it("keeps the same placeholders in every language", () => {
    // Names of {name} placeholders and {name, plural, …} blocks, each once.
    const placeholders = (s: unknown) => [...new Set([...String(s).matchAll(/\{\s*(\w+)\s*(?:\}|,)/g)].map((m) => m[1]))].sort();
    const english = leaves(dictionaryFor("en"));
    for (const [key, value] of reference) expect(placeholders(english.get(key)), key).toEqual(placeholders(value));
  });

  it("formats placeholders and leaves unknown ones alone", () => {
    expect(format("请 {minutes} 分钟后再试 {x}", { minutes: 15 })).toBe("请 15 分钟后再试 {x}");
  });

  it("recognises only supported locales", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
