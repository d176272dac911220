import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { declaredZipSize } from "./check-zip-size";
import { ImportFileError, readImportFile } from "./read-import-file";

// A local header, one central-directory entry declaring `size` uncompressed bytes, and the end record.
function fakeZip(size: number): Uint8Array {
  const bytes = new Uint8Array(30 + 46 + 22);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint32(30, 0x02014b50, true);
  view.setUint32(30 + 24, size, true);
  view.setUint32(76, 0x06054b50, true);
  view.setUint16(76 + 10, 1, true);
  view.setUint32(76 + 12, 46, true);
  view.setUint32(76 + 16, 30, true);
  return bytes;
}

describe("declaredZipSize", () => {
  it("sums the uncompressed sizes an archive declares", async () => {
    const small = new Uint8Array(await writeXlsxFile([["a"]]).toBuffer());
    const large = new Uint8Array(await writeXlsxFile(Array.from({ length: 2000 }, (_, i) => [`${"x".repeat(200)}${i}`, i])).toBuffer());
    const smallSize = declaredZipSize(small)!;
    expect(smallSize).toBeGreaterThan(small.length);
    expect(declaredZipSize(large)! - smallSize).toBeGreaterThan(400_000);
  });

  it("reads a bomb's declared size without inflating it", async () => {
    expect(declaredZipSize(fakeZip(0x7fffffff))).toBe(0x7fffffff);
    expect(await readImportFile({ name: "bomb.xlsx", bytes: fakeZip(0x7fffffff) }).catch((e: ImportFileError) => e.code)).toBe("tooLarge");
  });

  it("answers null for bytes that are not a ZIP", () => {
    expect(declaredZipSize(new TextEncoder().encode("name,phone\n"))).toBeNull();
    expect(declaredZipSize(new Uint8Array(10))).toBeNull();
  });
});
