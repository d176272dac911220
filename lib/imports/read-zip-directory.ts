// The entry list of a ZIP archive (an .xlsx), from its central directory. The sizes in it are what the
// file claims, not facts: the inflater (inflate-zip-entries.ts) checks them while inflating.

export type ZipDirectoryEntry = {
  name: string;
  method: number; // 0 stored, 8 deflate
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
};

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;

/** The archive's entries, or null when the bytes are not a readable ZIP. Throws nothing. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names = new TextDecoder("utf-8");
  const entries: ZipDirectoryEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const next = offset + 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    if (next > bytes.length) return null;
    entries.push({
      name: names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      flags: view.getUint16(offset + 8, true),
      compressedSize: view.getUint32(offset + 20, true),
      // ZIP64's marker: the real size is elsewhere and beyond anything a promoter list needs.
      declaredSize: view.getUint32(offset + 24, true) === ZIP64_MARK ? Number.POSITIVE_INFINITY : view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset = next;
  }
  return entries;
}
