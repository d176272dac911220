import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BRAND_ASSETS, BRAND_VERSION } from "./brand-assets";

const root = path.resolve(__dirname, "..");
const publicFile = (url: string) => path.join(root, "public", url);
const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
};

describe("public/ brand files", () => {
  it("has every file the metadata and the manifest name, small, at the sizes they claim", () => {
    for (const url of Object.values(BRAND_ASSETS)) expect(existsSync(publicFile(url)), url).toBe(true);
    expect(pngSize(publicFile(BRAND_ASSETS.icon192))).toEqual([192, 192]);
    expect(pngSize(publicFile(BRAND_ASSETS.icon512))).toEqual([512, 512]);
    expect(pngSize(publicFile(BRAND_ASSETS.appleTouchIcon))).toEqual([180, 180]);
    for (const url of Object.values(BRAND_ASSETS)) expect(readFileSync(publicFile(url)).length, url).toBeLessThan(32 * 1024);
  });

  it("ships a favicon.ico with 16, 32 and 48 pixel images", () => {
    const ico = readFileSync(publicFile(BRAND_ASSETS.favicon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type icon
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 32, 48]);
  });

  it("has a web manifest named 场景码 whose icons exist", () => {
    const manifest = JSON.parse(readFileSync(publicFile(BRAND_ASSETS.manifest), "utf8"));
    expect(manifest).toMatchObject({ name: "场景码 Scenecode", short_name: "场景码", lang: "zh-CN", start_url: "/", display: "standalone" });
    for (const icon of manifest.icons) expect(existsSync(publicFile(icon.src)), icon.src).toBe(true);
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });

  it("has a logo SVG without scripts or external references", () => {
    const svg = readFileSync(publicFile(BRAND_ASSETS.logo), "utf8");
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 64 64"/);
    expect(svg).not.toMatch(/<script|href=|on\w+=/i);
  });
});

describe("cache headers for public/ (next.config.js)", () => {
  type Rule = { source: string; headers: { key: string; value: string }[] };
  const rules = async (): Promise<Rule[]> => {
    const config = (await import("../next.config.js")) as { default: { headers: () => Promise<Rule[]> } };
    return config.default.headers();
  };
  // Next matches sources with path-to-regexp; these sources use only :name, :name* and :name(a|b).
  const matches = (source: string, url: string) =>
    new RegExp(`^${source.replace(/\./g, "\\.").replace(/:\w+\(([^)]+)\)/g, "($1)").replace(/\/:\w+\*/g, "(?:/.*)?").replace(/:\w+/g, "[^/]+")}$`).test(url);
  const cacheControl = async (url: string) =>
    (await rules()).filter((r) => matches(r.source, url)).flatMap((r) => r.headers).filter((h) => h.key.toLowerCase() === "cache-control").map((h) => h.value);

  it("caches the versioned brand folder for a year, immutable, and the fixed names for a day", async () => {
    for (const url of [BRAND_ASSETS.logo, BRAND_ASSETS.icon192, BRAND_ASSETS.icon512, BRAND_ASSETS.appleTouchIcon]) {
      expect(url.startsWith(`/brand/${BRAND_VERSION}/`)).toBe(true);
      expect(await cacheControl(url)).toEqual(["public, max-age=31536000, immutable"]);
    }
    for (const url of [BRAND_ASSETS.favicon, BRAND_ASSETS.manifest]) expect(await cacheControl(url)).toEqual(["public, max-age=86400"]);
    expect(await cacheControl("/login")).toEqual([]);
  });
});
