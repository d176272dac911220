import { describe, expect, it } from "vitest";
import { promoterNameSchema, promoterSchema } from "./promoter-schema";

const name = (value: string) => promoterNameSchema.safeParse(value);

describe("promoter names", () => {
  it.each([
    ["bidi override (RLO … PDF)", "张\u202e三\u202c", "张三"],
    ["bidi embeddings and isolates", "\u202aA\u202b\u2066B\u2067\u2068C\u2069\u202d", "ABC"],
    ["marks LRM, RLM and ALM", "\u200eLi\u200f Lei\u061c", "Li Lei"],
    ["zero-width space, joiners, word joiner and BOM", "\ufeff王\u200b\u200c五\u200d\u2060", "王五"],
    ["control characters", "a\u0000b\u0007c\u001bd\u007fe\u0090f", "abcdef"],
    ["line breaks and tabs, as spaces", "Li\tLei\r\nWang", "Li Lei  Wang"],
  ])("strips %s", (_label, input, expected) => {
    expect(name(input)).toEqual({ success: true, data: expected });
  });

  it("keeps ordinary names, emoji and other scripts as they are", () => {
    for (const ok of ["张三", "O'Brien", "Zoë Müller", "محمد", "李四 🎉", "  spaced  "]) expect(name(ok).data).toBe(ok.trim());
  });

  it("refuses a name of invisible characters only, and counts length after stripping", () => {
    expect(name("\u200b\u202e\u2060 ").error?.issues[0].message).toBe("nameRequired");
    expect(name(`${"甲".repeat(60)}${"\u200b".repeat(20)}`).success).toBe(true);
    expect(name("甲".repeat(61)).error?.issues[0].message).toBe("nameLong");
  });

  it("is the rule of the whole promoter schema", () => {
    expect(promoterSchema.parse({ name: "\u202e门店A\u202c" }).name).toBe("门店A");
  });
});
