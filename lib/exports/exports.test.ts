import { readSheet } from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { csvStream } from "./csv-stream";
import { formatLocalTime } from "./local-time";
import { dayOf, dayStart } from "../stats/day";
import { writeXlsx } from "./write-xlsx";

describe("writeXlsx", () => {
  it("round-trips Chinese text, numbers, empty cells and formula-like text", async () => {
    const buffer = await writeXlsx(["姓名", "净增", "备注"], [["张三", 12, null], ["=HYPERLINK(\"x\")", -3, "a,b\n\"c\""]], { sheet: "排行榜", columnWidths: [10, 8, 20] });
    expect(await readSheet(buffer)).toEqual([
      ["姓名", "净增", "备注"],
      ["张三", 12, null],
      ["=HYPERLINK(\"x\")", -3, "a,b\n\"c\""],
    ]);
  });
});

describe("csvStream", () => {
  it("writes the BOM and header, then each page, with the CSV formula guard", async () => {
    async function* pages() {
      yield [["王五", 1]];
      yield [["+86 138", 2], ["a,b", -1]];
    }
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(csvStream(["名字", "n"], pages())).arrayBuffer());
    expect(text).toBe("\uFEFF名字,n\r\n王五,1\r\n'+86 138,2\r\n\"a,b\",-1\r\n");
  });
});

describe("formatLocalTime", () => {
  it("writes the instant in the account's time zone, 24-hour", () => {
    expect(formatLocalTime(new Date("2026-11-20T16:30:05Z"), "Asia/Shanghai")).toBe("2026-11-21 00:30:05");
    expect(formatLocalTime(new Date("2026-03-01T12:00:00Z"), "America/New_York")).toBe("2026-03-01 07:00:00");
  });

  it("agrees with the rollup day on both sides of a DST change", () => {
    const start = dayStart("2026-10-04", "Australia/Sydney"); // 00:00 AEST; 03:00 AEDT follows 02:00
    expect(formatLocalTime(start, "Australia/Sydney")).toBe("2026-10-04 00:00:00");
    expect(formatLocalTime(new Date(start.getTime() - 1000), "Australia/Sydney")).toBe("2026-10-03 23:59:59");
    expect(formatLocalTime(new Date(start.getTime() + 2 * 3600_000), "Australia/Sydney")).toBe("2026-10-04 03:00:00");
    expect(dayOf(new Date(start.getTime() - 1000), "Australia/Sydney")).toBe("2026-10-03");
  });
});
