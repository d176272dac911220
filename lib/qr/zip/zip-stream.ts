// A ZIP archive written as a stream, entry by entry, without compression ("stored": PNGs are
// compressed already). Each entry's bytes are known before its header goes out, so the headers
// carry sizes and CRC (no data descriptors) and a reader can follow the archive as it arrives;
// names are UTF-8 (flag bit 11), so Chinese names survive every modern unzip.
import { crc32 } from "../crc32";

export type ZipEntry = { name: string; data: Uint8Array; modified?: Date };

// The classic format's limits (no ZIP64): callers cap their selections well below them.
export const ZIP_MAX_ENTRIES = 65_535;
const MAX_BYTES = 0xffffffff;
const UTF8_NAMES = 0x0800;
const FILE_MODE = 0o100644 << 16; // -rw-r--r--, in the external attributes (made by Unix)
const utf8 = new TextEncoder();

function dosDateTime(date: Date) {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const day = ((Math.max(date.getFullYear(), 1980) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

type Written = { name: Uint8Array; crc: number; size: number; offset: number; time: number; day: number };

function header(signature: number, entry: Written, central: boolean): Uint8Array {
  const out = Buffer.alloc((central ? 46 : 30) + entry.name.length);
  let at = out.writeUInt32LE(signature, 0);
  if (central) at = out.writeUInt16LE(0x031e, at); // made by: Unix, spec 3.0
  at = out.writeUInt16LE(20, at); // needed to extract: 2.0
  at = out.writeUInt16LE(UTF8_NAMES, at);
  at = out.writeUInt16LE(0, at); // stored
  at = out.writeUInt16LE(entry.time, at);
  at = out.writeUInt16LE(entry.day, at);
  at = out.writeUInt32LE(entry.crc, at);
  at = out.writeUInt32LE(entry.size, at);
  at = out.writeUInt32LE(entry.size, at);
  at = out.writeUInt16LE(entry.name.length, at);
  at = out.writeUInt16LE(0, at); // extra field
  if (central) {
    at = out.writeUInt16LE(0, at); // comment
    at = out.writeUInt16LE(0, at); // disk
    at = out.writeUInt16LE(0, at); // internal attributes
    at = out.writeUInt32LE(FILE_MODE >>> 0, at);
    at = out.writeUInt32LE(entry.offset, at);
  }
  out.set(entry.name, at);
  return out;
}

function endOfDirectory(count: number, size: number, offset: number): Uint8Array {
  const out = Buffer.alloc(22);
  let at = out.writeUInt32LE(0x06054b50, 0);
  at = out.writeUInt32LE(0, at); // this disk, directory's disk
  at = out.writeUInt16LE(count, at);
  at = out.writeUInt16LE(count, at);
  at = out.writeUInt32LE(size, at);
  out.writeUInt32LE(offset, at);
  return out;
}

/** The archive of `entries`, produced as the reader pulls: one entry in memory at a time. */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const iterator = entries[Symbol.asyncIterator]();
  const written: Written[] = [];
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) {
        const directory = written.map((entry) => header(0x02014b50, entry, true));
        const size = directory.reduce((sum, part) => sum + part.length, 0);
        for (const part of directory) controller.enqueue(part);
        controller.enqueue(endOfDirectory(written.length, size, offset));
        controller.close();
        return;
      }
      const entry: Written = { name: utf8.encode(value.name), crc: crc32(value.data), size: value.data.length, offset, ...dosDateTime(value.modified ?? new Date()) };
      if (written.length >= ZIP_MAX_ENTRIES || offset + 30 + entry.name.length + entry.size > MAX_BYTES) {
        controller.error(new Error("ZIP archive too large (more than 65,535 entries or 4 GiB)"));
        return;
      }
      const local = header(0x04034b50, entry, false);
      controller.enqueue(local);
      controller.enqueue(value.data);
      offset += local.length + entry.size;
      written.push(entry);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
