// Tests' ZIP reader, independent of the writer (lib/qr/zip/zip-stream.ts): from the end-of-directory
// record through the central directory to each local header and its bytes.
export type ZipFile = { name: string; data: Buffer; crc: number; flags: number };

export function readZip(zip: Buffer): ZipFile[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a ZIP archive: no end-of-directory record");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files: ZipFile[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`central directory entry ${i} is damaged`);
    const [flags, crc, size, nameLength, offset] = [zip.readUInt16LE(at + 8), zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28), zip.readUInt32LE(at + 42)];
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`local header of entry ${i} is missing`);
    const dataAt = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    files.push({ name: zip.subarray(at + 46, at + 46 + nameLength).toString("utf8"), data: zip.subarray(dataAt, dataAt + size), crc, flags });
    at += 46 + nameLength;
  }
  return files;
}

export const isPng = (data: Buffer) => data.subarray(1, 4).toString() === "PNG";
