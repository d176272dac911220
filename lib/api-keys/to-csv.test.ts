import { describe, expect, it } from "vitest";
import { csvCell, toCsv, wantsCsv } from "./to-csv";

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Alice")).toBe("Alice");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(new Date("2026-11-21T00:00:00Z"))).toBe("2026-11-21T00:00:00.000Z");
  });

  it("quotes commas, quotes, newlines and edge spaces", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    expect(csvCell(" padded")).toBe('" padded"');
  });

  it("keeps Chinese text as is", () => {
    expect(csvCell("张三，推广员")).toBe("张三，推广员");
    expect(csvCell("李四,北京")).toBe('"李四,北京"');
  });

  it("defuses formula-like text with a leading quote", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+86 138 0000 0000")).toBe("'+86 138 0000 0000");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
  });

  it("does not touch negative numbers", () => {
    expect(csvCell(-3)).toBe("-3");
  });
});

describe("toCsv", () => {
  it("writes a BOM, a header row and CRLF-separated rows", () => {
    const csv = toCsv(["name", "net"], [["王五", -1], ["a,b", 2]]);
    expect(csv).toBe("\uFEFFname,net\r\n王五,-1\r\n\"a,b\",2\r\n");
  });

  it("writes only the header for no rows", () => {
    expect(toCsv(["id"], [])).toBe("\uFEFFid\r\n");
  });
});

describe("wantsCsv", () => {
  const request = (accept?: string) => new Request("http://x/api", { headers: accept ? { accept } : {} });

  it("follows ?format first, then the Accept header", () => {
    expect(wantsCsv(request(), "csv")).toBe(true);
    expect(wantsCsv(request("text/csv"), "json")).toBe(false);
    expect(wantsCsv(request("text/csv; charset=utf-8"))).toBe(true);
    expect(wantsCsv(request("application/json"))).toBe(false);
    expect(wantsCsv(request())).toBe(false);
  });
});
