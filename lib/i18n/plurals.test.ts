import { describe, expect, it } from "vitest";
import { dictionaryFor, format } from "./locales";

const en = dictionaryFor("en");
const zh = dictionaryFor("zh-CN");

// Every English message that carries a count, with what it reads for 0, 1 and 2.
const COUNT_MESSAGES: [string, string, Record<string, string | number>, string, [string, string, string]][] = [
  ["login.throttled", en.login.throttled, {}, "minutes", ["Too many failed attempts. Try again in 0 minutes.", "Too many failed attempts. Try again in 1 minute.", "Too many failed attempts. Try again in 2 minutes."]],
  ["import.confirm", en.batch.import.confirm, {}, "count", ["Import 0 promoters", "Import 1 promoter", "Import 2 promoters"]],
  ["import.summary", en.batch.import.summary, { accepted: 1, rejected: 0 }, "total", ["0 rows: 1 can be imported, 0 will not be.", "1 row: 1 can be imported, 0 will not be.", "2 rows: 1 can be imported, 0 will not be."]],
  ["import.showingFirst", en.batch.import.showingFirst, { shown: 1 }, "count", ["Showing the first 1 of 0 rows.", "Showing the first 1 of 1 row.", "Showing the first 1 of 2 rows."]],
  ["exports.xlsxTooMany", en.batch.exports.xlsxTooMany, {}, "count", ["0 ledger rows in this range, over the Excel limit: export CSV instead.", "1 ledger row in this range, over the Excel limit: export CSV instead.", "2 ledger rows in this range, over the Excel limit: export CSV instead."]],
  ["exports.tooLargeForExcel", en.batch.exports.tooLargeForExcel, { limit: "1" }, "count", ["0 ledger rows", "1 ledger row", "2 ledger rows"].map((n) => `This range has ${n}, more than an Excel export holds (1). Choose a shorter range, or export CSV (no row limit).`) as [string, string, string]],
  ["generate.selection", en.batch.generate.selection, {}, "count", ["Only the 0 selected promoters.", "Only the 1 selected promoter.", "Only the 2 selected promoters."]],
  ["links.printSelected", en.batch.links.printSelected, {}, "count", ["Print QR cards of 0 selected promoters", "Print QR card of 1 selected promoter", "Print QR cards of 2 selected promoters"]],
  ["sheet.summary", en.batch.sheet.summary, {}, "count", ["0 cards, 12 per A4 page.", "1 card, 12 per A4 page.", "2 cards, 12 per A4 page."]],
  ["sheet.capped", en.batch.sheet.capped, {}, "max", ["At most 0 cards print at once; only the first 0 are shown.", "At most 1 card prints at once; only the first is shown.", "At most 2 cards print at once; only the first 2 are shown."].map((s) => `${s} Select fewer promoters and print in parts.`) as [string, string, string]],
  ["sheet.withoutCode", en.batch.sheet.withoutCode, {}, "count", ["0 promoters have no usable QR code yet and are left out.", "1 promoter has no usable QR code yet and is left out.", "2 promoters have no usable QR code yet and are left out."]],
  ["cockpit.notStored", en.cockpit.notStored, {}, "count", ["0 pushes", "1 push", "2 pushes"].map((n) => `${n} not stored in time (answered with an error; WeChat retries)`) as [string, string, string]],
  ["cockpit.tokenMinutes", en.cockpit.tokenMinutes, {}, "minutes", ["0 minutes", "1 minute", "2 minutes"]],
  ["qrcodes.expiringBanner", en.qrcodes.expiringBanner, {}, "count", ["0 temporary codes expire within 3 days. Renew them in time.", "1 temporary code expires within 3 days. Renew it in time.", "2 temporary codes expire within 3 days. Renew them in time."]],
];

function leaves(value: unknown): string[] {
  return Object.values(value as object).flatMap((child) => (child && typeof child === "object" ? leaves(child) : [String(child)]));
}

describe("English count messages", () => {
  it.each(COUNT_MESSAGES)("%s agrees with 0, 1 and 2", (_key, template, others, name, expected) => {
    expect([0, 1, 2].map((n) => format(template, { ...others, [name]: n }))).toEqual(expected);
  });

  it("reads a count formatted for display (1,234) by its value", () => {
    expect(format(en.batch.exports.xlsxTooMany, { count: (1).toLocaleString("en") })).toMatch(/^1 ledger row in/);
    expect(format(en.batch.exports.xlsxTooMany, { count: (1234).toLocaleString("en") })).toMatch(/^1,234 ledger rows in/);
  });

  it("never says '1 <nouns>' in any English message", () => {
    // Any template, every placeholder filled with 1: a plural noun right after the 1 is a missing plural rule.
    for (const template of leaves(en)) {
      const names = [...template.matchAll(/\{\s*(\w+)\s*(?:\}|,)/g)].map((m) => m[1]);
      if (names.length === 0) continue;
      const text = format(template, Object.fromEntries(names.map((n) => [n, 1])));
      expect(text, template).not.toMatch(/\b1 (?:[a-z]+ ){0,2}(?:rows|promoters|codes|cards|minutes|seconds|followers|scenes|keys|users|days|entries|events)\b/i);
    }
  });
});

describe("plural blocks", () => {
  it("prefers an exact =n branch, then the locale's rule, then other", () => {
    const t = "{n, plural, =0 {none} one {# item} other {# items}}";
    expect([0, 1, 5].map((n) => format(t, { n }))).toEqual(["none", "1 item", "5 items"]);
    expect(format("{n, plural, other {# 位}}", { n: 1 }, "zh-CN")).toBe("1 位");
    expect(format("{n, plural, one {# item} other {# items}}", { n: 1 }, "zh-CN")).toBe("1 items"); // zh-CN: always other
  });

  it("fills placeholders inside a branch and leaves unknown or malformed blocks as written", () => {
    expect(format("{n, plural, one {# row in {file}} other {# rows in {file}}}", { n: 2, file: "a.csv" })).toBe("2 rows in a.csv");
    expect(format("{n, plural, one {x}}", { n: 1 })).toBe("{n, plural, one {x}}");
    expect(format("{n, plural, other {x}", { n: 1 })).toBe("{n, plural, other {x}");
    expect(format("{m, plural, other {#}}", { n: 1 })).toBe("{m, plural, other {#}}");
    expect(format("{constructor} {toString, plural, other {#}}", {})).toBe("{constructor} {toString, plural, other {#}}");
  });

  it("leaves zh-CN count messages in their single form", () => {
    expect(format(zh.batch.import.confirm, { count: 1 })).toBe("确认导入 1 位推广者");
    expect(format(zh.qrcodes.expiringBanner, { count: 2 })).toBe("2 个临时二维码将在 3 天内过期，请及时续期。");
  });
});
