import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { decodeText } from "./decode-text";
import { parseCsv } from "./parse-csv";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import-limits";
import { ImportFileError, readImportFile } from "./read-import-file";
import { validateImportRows } from "./validate-import-rows";

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (name: string, bytes: Uint8Array) => readImportFile({ name, bytes });
const codeOf = async (promise: Promise<unknown>) => ((await promise.catch((e: unknown) => e)) as ImportFileError).code;

// "姓名,手机号,备注\n张三,13800138000,门店A\n" as Chinese Excel saves it (GBK).
const GBK = new Uint8Array([
  0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5, 0x2c, 0xb1, 0xb8, 0xd7, 0xa2, 0x0d, 0x0a,
  0xd5, 0xc5, 0xc8, 0xfd, 0x2c, ...utf8("13800138000,"), 0xc3, 0xc5, 0xb5, 0xea, 0x41, 0x0d, 0x0a,
]);

describe("decoding uploaded text", () => {
  it("reads UTF-8 with and without a BOM, UTF-16 and GBK", () => {
    expect(decodeText(utf8("\uFEFF姓名"))).toBe("姓名");
    expect(decodeText(utf8("姓名"))).toBe("姓名");
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xd3, 0x59, 0x0d, 0x54]))).toBe("姓名");
    expect(decodeText(GBK)).toBe("姓名,手机号,备注\r\n张三,13800138000,门店A\r\n");
  });
});

describe("parsing CSV", () => {
  it("handles quotes, escaped quotes, line breaks in quotes and CRLF", () => {
    expect(parseCsv('name,note\r\n"Li, Lei","say ""hi""\nbye"\r\nWang,\n')).toEqual([["name", "note"], ["Li, Lei", 'say "hi"\nbye'], ["Wang", ""]]);
  });

  it("detects tab and semicolon separators", () => {
    expect(parseCsv("name\tphone\nA\t1")).toEqual([["name", "phone"], ["A", "1"]]);
    expect(parseCsv("name;phone\nA;1")).toEqual([["name", "phone"], ["A", "1"]]);
  });
});

describe("reading an import file", () => {
  it("maps header aliases in either language, any case, and skips blank lines", () => {
    const cells = parseCsv("\uFEFF 手机号 ,NAME,Notes,所属团队\n13800138000,甲,,\n,,\n\n,乙,门店, 东区 \n");
    const { accepted, rejected } = validateImportRows(cells);
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([
      { row: 2, name: "甲", phone: "13800138000", note: null, team: null },
      { row: 5, name: "乙", phone: null, note: "门店", team: "东区" },
    ]);
  });

  it("reads a GBK CSV from Chinese Excel", async () => {
    const { accepted } = validateImportRows(await read("推广者.csv", GBK));
    expect(accepted).toEqual([{ row: 2, name: "张三", phone: "13800138000", note: "门店A", team: null }]);
  });

  it("reads an .xlsx, numbers as text", async () => {
    const xlsx = await writeXlsxFile([["姓名", "手机号"], ["李四", 13900139000], [null, null], ["王五", "+86 139 0000 0000"]]).toBuffer();
    const { accepted } = validateImportRows(await read("list.xlsx", new Uint8Array(xlsx)));
    expect(accepted.map((r) => [r.row, r.name, r.phone])).toEqual([[2, "李四", "13900139000"], [4, "王五", "+86 139 0000 0000"]]);
  });

  it("rejects rows with reasons and repeats within the file", () => {
    const long = "x".repeat(61);
    const { accepted, rejected } = validateImportRows(parseCsv(`name,phone\n甲,1380\n,138\n${long},abc\n甲,1380\n甲,'+86 1380\n`));
    expect(accepted.map((r) => r.phone)).toEqual(["1380", "+86 1380"]);
    expect(rejected).toEqual([
      { row: 3, name: "", phone: "138", reasons: ["nameRequired"] },
      { row: 4, name: long, phone: "abc", reasons: ["nameLong", "phoneInvalid"] },
      { row: 5, name: "甲", phone: "1380", reasons: ["duplicateInFile"] },
    ]);
  });

  it("refuses a file without a name column, without rows, or with too many rows", () => {
    const code = (text: string) => { try { validateImportRows(parseCsv(text)); } catch (e) { return (e as ImportFileError).code; } };
    expect(code("phone,note\n1,2\n")).toBe("missingNameColumn");
    expect(code("name\n\n\n")).toBe("noRows");
    expect(code("\n\n")).toBe("noRows");
    expect(code(`name\n${"a\n".repeat(MAX_IMPORT_ROWS)}`)).toBeUndefined();
    expect(code(`name\n${"a\n".repeat(MAX_IMPORT_ROWS + 1)}`)).toBe("tooManyRows");
  });

  it("refuses empty, oversized, legacy .xls, broken .xlsx and binary files", async () => {
    expect(await codeOf(read("a.csv", new Uint8Array()))).toBe("empty");
    expect(await codeOf(read("a.csv", new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65)))).toBe("tooLarge");
    expect(await codeOf(read("a.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe("xlsNotSupported");
    expect(await codeOf(read("a.xlsx", utf8("name\nA")))).toBe("invalidXlsx");
    expect(await codeOf(read("a.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe("invalidXlsx");
    expect(await codeOf(read("photo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])))).toBe("unsupportedType");
    expect(await codeOf(read("a.csv", new Uint8Array([0x6e, 0x00, 0x61, 0x00])))).toBe("unsupportedType");
  });
});
