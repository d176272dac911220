// Inflates chosen entries of a ZIP archive under a hard budget on the bytes produced, enforced by zlib
// while it inflates (maxOutputLength), whatever sizes the archive declares.
import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";
import { ImportFileError } from "./import-file-error";
import { readZipDirectory, type ZipDirectoryEntry } from "./read-zip-directory";

const inflate = promisify(inflateRaw);
const LOCAL_HEADER = 0x04034b50;
const ENCRYPTED = 0x1;

export type ZipFile = { name: string; data: Buffer };

function compressedData(bytes: Uint8Array, entry: ZipDirectoryEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new ImportFileError("invalidXlsx");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ImportFileError("invalidXlsx");
  return bytes.subarray(start, start + entry.compressedSize);
}

async function inflateEntry(data: Uint8Array, method: number, budget: number): Promise<Buffer> {
  if (method === 0) {
    if (data.length > budget) throw new ImportFileError("tooLarge");
    return Buffer.from(data);
  }
  if (method !== 8) throw new ImportFileError("invalidXlsx");
  try {
    // zlib stops and fails as soon as the output would pass the budget: memory stays bounded by it.
    return await inflate(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new ImportFileError("tooLarge");
    throw new ImportFileError("invalidXlsx");
  }
}

/**
 * The entries of the archive that `accept` picks, inflated, at most `maxBytes` in all. Refuses with
 * `tooLarge` when the output would pass the budget and with `invalidXlsx` for a broken or encrypted
 * archive, or one whose entries inflate to other sizes than it declares.
 */
export async function inflateZipEntries(bytes: Uint8Array, accept: (name: string) => boolean, maxBytes: number): Promise<ZipFile[]> {
  const directory = readZipDirectory(bytes);
  if (directory === null) throw new ImportFileError("invalidXlsx");
  const wanted = directory.filter((entry) => accept(entry.name));
  // The declared sizes cannot be trusted to be small, but declared-large is reason enough to stop early.
  if (wanted.reduce((sum, entry) => sum + entry.declaredSize, 0) > maxBytes) throw new ImportFileError("tooLarge");
  const files: ZipFile[] = [];
  let used = 0;
  for (const entry of wanted) {
    if (entry.flags & ENCRYPTED) throw new ImportFileError("invalidXlsx");
    const data = await inflateEntry(compressedData(bytes, entry), entry.method, maxBytes - used);
    if (used + data.length > maxBytes) throw new ImportFileError("tooLarge");
    if (data.length !== entry.declaredSize) throw new ImportFileError("invalidXlsx");
    used += data.length;
    files.push({ name: entry.name, data });
  }
  return files;
}
