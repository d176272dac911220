import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import QRCode from "qrcode";
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

describe("the PNG encoder", () => {
  // pngjs (qrcode's own dependency, untyped) decodes both: every bit depth, every filter.
  type Decoded = { width: number; height: number; data: Buffer };
  const { PNG } = createRequire(import.meta.url)("pngjs") as { PNG: { sync: { read(png: Buffer): Decoded } } };
  const decode = (png: Buffer) => PNG.sync.read(png);
  const dark = (image: Decoded, i: number) => image.data[i * 4] < 128;

  it.each([
    ["a permanent code at print size", "http://weixin.qq.com/q/02abcDEF123xyz0123456789ab", 1024],
    ["a long string scene at an odd width", `http://weixin.qq.com/q/${"x".repeat(300)}`, 777],
    ["a small width", "http://weixin.qq.com/q/02abc", 128],
  ])("draws exactly the pixels of qrcode's own renderer: %s", async (_name, content, width) => {
    const ours = decode(await qrPng(content, width));
    const reference = decode(await QRCode.toBuffer(content, { errorCorrectionLevel: "M", margin: 2, type: "png", width }));
    expect([ours.width, ours.height]).toEqual([reference.width, reference.height]);
    let different = 0;
    for (let i = 0; i < ours.width * ours.height; i++) if (dark(ours, i) !== dark(reference, i)) different++;
    expect(different).toBe(0);
    expect(ours.data.some((v, i) => i % 4 === 0 && v === 0)).toBe(true); // not blank
  });
});
