import { describe, expect, it } from "vitest";
import { codeFits, layoutOf, placementSchema, posterLine } from "./poster-layout";

const form = {
  name: " 双十一 ", codeX: "25", codeY: "50", codeSize: "50",
  nameX: "50", nameY: "42", nameSize: "6", nameColor: "#FF0000", nameAlign: "center",
  text: "扫码关注，{name} 邀请你", textX: "10", textY: "90", textSize: "4", textColor: "#112233", textAlign: "left",
};

describe("poster placement", () => {
  it("turns the editor's percentages into fractions, trims the name and lower-cases colours", () => {
    const placement = placementSchema.parse(form);
    expect(placement).toMatchObject({ name: "双十一", codeX: 0.25, codeY: 0.5, codeSize: 0.5, nameSize: 0.06, nameColor: "#ff0000", textAlign: "left" });
    expect(layoutOf({ ...placement, width: 1080, height: 1920 })).toMatchObject({ width: 1080, code: { x: 0.25, size: 0.5 }, text: { value: "扫码关注，{name} 邀请你", x: 0.1 } });
  });

  it("refuses positions outside 0–100, a zero size, bad colours and alignments, and long text, naming the field", () => {
    const issues = (patch: Record<string, string>) => placementSchema.safeParse({ ...form, ...patch }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ codeX: "-1" })).toEqual([["codeX", "outOfRange"]]);
    expect(issues({ nameY: "100.5" })).toEqual([["nameY", "outOfRange"]]);
    expect(issues({ codeSize: "0" })).toEqual([["codeSize", "outOfRange"]]);
    expect(issues({ textX: "abc" })).toEqual([["textX", "outOfRange"]]);
    expect(issues({ nameColor: "red" })).toEqual([["nameColor", "color"]]);
    expect(issues({ textAlign: "justify" })).toEqual([["textAlign", "outOfRange"]]);
    expect(issues({ text: "字".repeat(61) })).toEqual([["text", "textLong"]]);
    expect(issues({})).toBeUndefined();
  });

  it("keeps the code inside the background whatever its shape", () => {
    expect(codeFits({ codeX: 0.25, codeY: 0.5, codeSize: 0.5 }, 1080, 1920)).toBe(true); // 540 px square, bottom at 1500
    expect(codeFits({ codeX: 0.6, codeY: 0.1, codeSize: 0.5 }, 1080, 1920)).toBe(false); // right edge beyond
    expect(codeFits({ codeX: 0, codeY: 0.5, codeSize: 0.8 }, 1920, 1080)).toBe(false); // landscape: 1536 px tall
  });

  it("puts the promoter's name into the line, every time it appears", () => {
    expect(posterLine("{name} 邀请你，{name} 等你", "王小明")).toBe("王小明 邀请你，王小明 等你");
    expect(posterLine("", "王小明")).toBe("");
  });
});
