import { createDeflateRaw, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { ImportFileError } from "./import-file-error";
import { inflateZipEntries } from "./inflate-zip-entries";
import { MAX_IMPORT_BYTES } from "./import-limits";
import { readImportFile } from "./read-import-file";
import { readZipDirectory } from "./read-zip-directory";
import { writeStoredZip } from "./write-stored-zip";

const MB = 1024 * 1024;
const codeOf = async (promise: Promise<unknown>) => ((await promise.catch((e: unknown) => e)) as ImportFileError).code;

/** Raw deflate of `size` zero bytes, produced in 1 MB steps so the test never holds the inflated data. */
async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const zeros = Buffer.alloc(MB);
  for (let written = 0; written < size; written += MB) if (!deflate.write(zeros)) await new Promise((r) => deflate.once("drain", r));
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

type Part = { name: string; compressed: Buffer; declaredSize: number; localSize?: number };

/** A deflate ZIP whose central directory claims each part's `declaredSize` and local header `localSize`. */
function lyingZip(...parts: Part[]): Uint8Array {
  const zip = writeStoredZip(parts.map((p) => ({ name: p.name, data: p.compressed }))); // stored: its layout is ours to patch
  let central = zip.readUInt32LE(zip.length - 22 + 16);
  readZipDirectory(zip)!.forEach((entry, i) => {
    const part = parts[i];
    zip.writeUInt16LE(8, entry.localHeaderOffset + 8); // local header: method deflate
    zip.writeUInt32LE(part.localSize ?? part.declaredSize, entry.localHeaderOffset + 22); // local header: uncompressed size
    zip.writeUInt16LE(8, central + 10); // central directory: method deflate
    zip.writeUInt32LE(part.declaredSize, central + 24); // central directory: uncompressed size
    central += 46 + Buffer.byteLength(part.name);
  });
  return new Uint8Array(zip);
}

describe("inflating an uploaded .xlsx under a budget", () => {
  it("stops a bomb whose directory declares 1 KB but that inflates to 200 MB as soon as it passes the limit, in bounded memory", async () => {
    // The local header tells the truth (200 MB), which a streaming unzipper allocates and fills.
    const bomb = lyingZip({ name: "xl/worksheets/sheet1.xml", compressed: await deflatedZeros(200 * MB), declaredSize: 1024, localSize: 200 * MB });
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES); // a small upload
    const before = process.memoryUsage();
    const maxRssBefore = process.resourceUsage().maxRSS * 1024;
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.rss - before.rss, now.arrayBuffers - before.arrayBuffers);
    }, 2);
    const started = performance.now();
    const code = await codeOf(readImportFile({ name: "promoters.xlsx", bytes: bomb }));
    const ms = performance.now() - started;
    clearInterval(sampler);
    // A synchronous inflate would block the sampler; the process's high-water mark still sees it.
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024 - maxRssBefore);
    expect(code).toBe("tooLarge");
    expect(ms).toBeLessThan(3000);
    expect(peak).toBeLessThan(120 * MB); // the 40 MB budget plus zlib's chunks, never the 200 MB
  });

  it("counts every entry against one budget", async () => {
    const part = deflateRawSync(Buffer.alloc(3 * MB));
    const files = [0, 1, 2].map((n) => ({ name: `xl/part${n}.xml`, data: Buffer.alloc(3 * MB) }));
    const zip = new Uint8Array(writeStoredZip(files));
    expect((await inflateZipEntries(zip, () => true, 9 * MB)).map((f) => f.data.length)).toEqual([3 * MB, 3 * MB, 3 * MB]);
    expect(await codeOf(inflateZipEntries(zip, () => true, 8 * MB))).toBe("tooLarge");
    // Each part declares 1,000 bytes and inflates to 3 MB: the second one crosses a 5 MB budget.
    const two = lyingZip({ name: "a.xml", compressed: part, declaredSize: 3 * MB }, { name: "b.xml", compressed: part, declaredSize: 1000 });
    expect(await codeOf(inflateZipEntries(two, () => true, 5 * MB))).toBe("tooLarge");
    expect(await codeOf(inflateZipEntries(two, (name) => name === "b.xml", 2 * MB))).toBe("tooLarge");
  });

  it("refuses an entry that inflates to another size than declared, a broken stream and a declared ZIP64 size", async () => {
    const part = deflateRawSync(Buffer.from("<x/>"));
    expect(await codeOf(inflateZipEntries(lyingZip({ name: "a.xml", compressed: part, declaredSize: 100 }), () => true, MB))).toBe("invalidXlsx");
    expect((await inflateZipEntries(lyingZip({ name: "a.xml", compressed: part, declaredSize: 4 }), () => true, MB))[0].data.toString()).toBe("<x/>");
    expect(await codeOf(inflateZipEntries(lyingZip({ name: "a.xml", compressed: Buffer.from([0xff, 0xff, 0xff]), declaredSize: 4 }), () => true, MB))).toBe("invalidXlsx");
    expect(await codeOf(inflateZipEntries(lyingZip({ name: "a.xml", compressed: part, declaredSize: 0xffffffff }), () => true, MB))).toBe("tooLarge");
    expect(await codeOf(inflateZipEntries(new TextEncoder().encode("name,phone\n"), () => true, MB))).toBe("invalidXlsx");
  });

  it("skips entries the sheet parser does not read, and still reads a real workbook", async () => {
    const xlsx = new Uint8Array(await writeXlsxFile([["姓名", "手机号"], ["李四", 13900139000]]).toBuffer());
    const names = readZipDirectory(xlsx)!.map((e) => e.name);
    const read = await inflateZipEntries(xlsx, (name) => name.endsWith(".xml"), MB);
    expect(read.map((f) => f.name)).toEqual(names.filter((n) => n.endsWith(".xml")));
    expect(await readImportFile({ name: "list.xlsx", bytes: xlsx })).toEqual([["姓名", "手机号"], ["李四", "13900139000"]]);
  });
});
