import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "../crc32";
import { zipEntryName } from "./zip-entry-name";
import { zipProgress } from "./zip-progress";
import { zipStream, type ZipEntry } from "./zip-stream";
import { readZip } from "@/test/read-zip";

async function* from(entries: ZipEntry[]) {
  yield* entries;
}

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("the streamed ZIP", () => {
  it("checksums with CRC-32/ISO-HDLC (the standard check value)", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  const entries = [
    { name: "张三-1001.png", data: Buffer.from("\x89PNG first") },
    { name: "empty.txt", data: Buffer.alloc(0) },
    { name: "Ünïcödé & co-abc.png", data: Buffer.alloc(70_000, 7) },
  ];

  it("holds every entry with its UTF-8 name, bytes and a CRC that zlib agrees with", async () => {
    const files = readZip(await bytesOf(zipStream(from(entries))));
    expect(files.map((f) => f.name)).toEqual(entries.map((e) => e.name));
    files.forEach((file, i) => {
      expect(file.data.equals(entries[i].data)).toBe(true);
      if (zlib.crc32) expect(file.crc).toBe(zlib.crc32(entries[i].data)); // Node ≥ 20.15
      expect(file.crc).toBe(crc32(entries[i].data));
      expect(file.flags & 0x0800).toBe(0x0800);
    });
  });

  it("is a valid empty archive with no entries", async () => {
    const zip = await bytesOf(zipStream(from([])));
    expect(zip.length).toBe(22);
    expect(readZip(zip)).toEqual([]);
  });

  it("lets a reader count completed entries however the bytes are cut", async () => {
    const zip = await bytesOf(zipStream(from(entries)));
    for (const size of [1, 7, 29, 30, 31, 4096, zip.length]) {
      const progress = zipProgress();
      const seen: number[] = [];
      for (let at = 0; at < zip.length; at += size) seen.push(progress.feed(zip.subarray(at, at + size)));
      expect(progress.entries).toBe(3);
      expect(seen).toEqual([...seen].sort((a, b) => a - b)); // never goes back
    }
  });
});

describe("names inside the archive", () => {
  it("keeps Chinese names and scenes, and turns path, device and invisible characters into _", () => {
    const taken = new Set<string>();
    expect(zipEntryName("王小明", "1001", taken)).toBe("王小明-1001.png");
    expect(zipEntryName("../../etc/passwd", "7", taken)).toBe("etc_passwd-7.png");
    expect(zipEntryName('a:b*c?"d<e>f|g\\h', "8", taken)).toBe("a_b_c_d_e_f_g_h-8.png");
    expect(zipEntryName("evil\u202egnp.exe", "9", taken)).toBe("evil_gnp.exe-9.png");
    expect(zipEntryName(null, "10", taken)).toBe("qrcode-10.png");
    expect(zipEntryName("   ", "11", taken)).toBe("qrcode-11.png");
  });

  it("never writes two entries with the same name (case-insensitive, as on Windows and macOS)", () => {
    const taken = new Set<string>();
    expect([zipEntryName("Li", "x", taken), zipEntryName("li", "X", taken), zipEntryName("LI", "x", taken)]).toEqual(["Li-x.png", "li-X-2.png", "LI-x-3.png"]);
  });
});
