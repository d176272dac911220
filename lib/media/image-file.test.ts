import { describe, expect, it } from "vitest";
import { checkImageFile, MAX_IMAGE_BYTES, sniffImage } from "./image-file";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe("checkImageFile", () => {
  it("recognises PNG and JPEG by their bytes and names the file after its real type", () => {
    expect(sniffImage(png)).toBe("image/png");
    expect(checkImageFile("海报.jpg", png)).toEqual({ ok: true, type: "image/png", fileName: "海报.png" });
    expect(checkImageFile("cover.JPEG", jpeg)).toEqual({ ok: true, type: "image/jpeg", fileName: "cover.jpg" });
  });

  it("refuses an empty, oversized, non-image or badly named file", () => {
    expect(checkImageFile("a.png", new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(png);
    expect(checkImageFile("a.png", big)).toEqual({ ok: false, problem: "tooLarge" });
    expect(checkImageFile("a.png", new TextEncoder().encode("GIF89a…"))).toEqual({ ok: false, problem: "badType" });
    expect(checkImageFile("a.png", new TextEncoder().encode("<svg xmlns=…"))).toEqual({ ok: false, problem: "badType" });
    expect(checkImageFile(".png", png)).toEqual({ ok: false, problem: "nameInvalid" });
  });
});
