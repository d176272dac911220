import { describe, expect, it } from "vitest";
import { encodeQrPng } from "../qr/encode-png";
import { readImageHeader } from "./image-header";

// A minimal JPEG's opening: SOI, an APP0 (JFIF) segment, a DQT-sized filler, then SOF with the size.
function jpeg(width: number, height: number, sof = 0xc0) {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const dht = [0xff, 0xc4, 0x00, 0x04, 0x00, 0x00]; // a C4 segment must be skipped, not read as a frame
  const frame = [0xff, sof, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, 0xff, 0xff, ...dht, ...frame, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]);
}

describe("reading an upload's image header", () => {
  it("reads a PNG's size from IHDR", () => {
    const modules = { size: 21, get: (x: number, y: number) => (x + y) % 2 === 0 };
    const png = encodeQrPng(modules as never, 300, 2);
    expect(readImageHeader(png)).toEqual({ type: "image/png", width: 300, height: 300 });
  });

  it("reads a JPEG's size from its start-of-frame, baseline or progressive, past other segments", () => {
    expect(readImageHeader(jpeg(1080, 1920))).toEqual({ type: "image/jpeg", width: 1080, height: 1920 });
    expect(readImageHeader(jpeg(640, 480, 0xc2))).toEqual({ type: "image/jpeg", width: 640, height: 480 });
  });

  it("refuses what only claims to be an image", () => {
    expect(readImageHeader(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(readImageHeader(new TextEncoder().encode("GIF89a\x01\x00\x01\x00"))).toBeNull();
    expect(readImageHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull(); // cut short
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]))).toBeNull(); // a scan before any frame
    expect(readImageHeader(jpeg(0, 10))).toBeNull();
    expect(readImageHeader(jpeg(100, 100).subarray(0, 30))).toBeNull(); // truncated before the frame's size
    expect(readImageHeader(new Uint8Array(0))).toBeNull();
  });
});
