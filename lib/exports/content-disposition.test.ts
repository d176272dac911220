import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentDisposition } from "./download-response";

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const ATTR_VALUE = /^(?:[A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-F]{2})+$/; // RFC 5987 value-chars

/** Reads a header the way RFC 6266 defines it; throws where a strict client would give up. */
function parse(header: string): { type: string; filename: string; fallback: string } {
  new Headers({ "content-disposition": header }); // refuses CR, LF and non-Latin-1 characters
  const [type, ...params] = header.split(/;\s*/);
  expect(type).toMatch(TOKEN);
  const values = new Map<string, string>();
  for (const param of params) {
    const m = /^(filename\*?)=(.*)$/.exec(param);
    if (!m) throw new Error(`unexpected parameter: ${param}`);
    values.set(m[1], m[2]);
  }
  const quoted = /^"([\x20\x21\x23-\x5b\x5d-\x7e]*)"$/.exec(values.get("filename") ?? "");
  if (!quoted) throw new Error(`filename is not a plain quoted string: ${values.get("filename")}`);
  const ext = /^UTF-8''(.*)$/.exec(values.get("filename*") ?? "");
  if (!ext || !ATTR_VALUE.test(ext[1])) throw new Error(`filename* is not RFC 5987: ${values.get("filename*")}`);
  return { type, filename: decodeURIComponent(ext[1]), fallback: quoted[1] };
}

describe("contentDisposition", () => {
  it("keeps a Chinese file name with an ASCII fallback", () => {
    expect(contentDisposition("排行榜-2026-03-01-2026-03-31.csv", "leaderboard-2026-03-01-2026-03-31.csv")).toBe(
      "attachment; filename=\"leaderboard-2026-03-01-2026-03-31.csv\"; filename*=UTF-8''%E6%8E%92%E8%A1%8C%E6%A6%9C-2026-03-01-2026-03-31.csv",
    );
  });

  it.each([
    ["张三-7.png"],
    ["O'Brien-7.png"],
    ['say "hi"-7.png'],
    ["a; filename=evil.exe-7.png"],
    ["back\\slash, comma (1) *star* ~!.png"],
    ["王五, 北京 🎉.csv"],
  ])("gives %s a valid header that round-trips", (name) => {
    for (const type of ["attachment", "inline"] as const) {
      const parsed = parse(contentDisposition(name, name, type));
      expect(parsed).toEqual({ type, filename: name, fallback: expect.stringMatching(/^[A-Za-z0-9._-]+$/) });
    }
  });

  it("drops line breaks and control characters, and survives lone surrogates", () => {
    expect(parse(contentDisposition("a\r\nSet-Cookie: x=1.csv")).filename).toBe("aSet-Cookie: x=1.csv");
    expect(parse(contentDisposition("bad\uD800name.csv")).filename).toBe("bad\uFFFDname.csv");
  });

  it("falls back to an ASCII version of the name itself", () => {
    expect(parse(contentDisposition("promoters.csv"))).toEqual({ type: "attachment", filename: "promoters.csv", fallback: "promoters.csv" });
    expect(parse(contentDisposition("推广者.csv")).fallback).toBe("_.csv");
  });
});

describe("every download names its file through the helper", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      if (entry === "generated" || entry === "node_modules") return [];
      return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(entry) && !/\.test\.ts$/.test(entry) ? [full] : [];
    });

  it("has no hand-built Content-Disposition header in app/ or lib/", () => {
    const root = path.resolve(__dirname, "../..");
    const offenders = [...files(path.join(root, "app")), ...files(path.join(root, "lib"))].filter((file) => {
      if (file.endsWith(path.join("lib", "exports", "download-response.ts"))) return false;
      return /["'`]content-disposition["'`]\s*:(?!\s*contentDisposition\()/i.test(readFileSync(file, "utf8"));
    });
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
