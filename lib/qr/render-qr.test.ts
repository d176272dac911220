import { describe, expect, it } from "vitest";
import { qrPng, qrSvg } from "./render-qr";

describe("QR rendering", () => {
  it("renders an SVG", async () => {
    const svg = await qrSvg("http://weixin.qq.com/q/02abc");
    expect(svg).toMatch(/^<svg[^>]+viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain("<path");
  });

  it("renders a PNG at the requested width", async () => {
    const png = await qrPng("http://weixin.qq.com/q/02abc", 512);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(512); // IHDR width
  });
});
