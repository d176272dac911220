import { readSheet } from "read-excel-file/node";
import { declaredZipSize } from "./check-zip-size";
import { MAX_IMPORT_BYTES } from "./import-limits";
import { decodeText } from "./decode-text";
import { ImportFileError } from "./import-file-error";
import { parseCsv } from "./parse-csv";

// A 5,000-row sheet is well under this once inflated; anything larger is not a promoter list.
const MAX_XLSX_INFLATED_BYTES = 40 * 1024 * 1024;

export { ImportFileError, type ImportFileErrorCode } from "./import-file-error";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const inflated = declaredZipSize(bytes);
  if (inflated === null) throw new ImportFileError("invalidXlsx");
  if (inflated > MAX_XLSX_INFLATED_BYTES) throw new ImportFileError("tooLarge");
  try {
    const data = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return data.map((row) => row.map(cellText));
  } catch {
    throw new ImportFileError("invalidXlsx");
  }
}

/**
 * The cells of an uploaded CSV or .xlsx file, as text. An .xlsx is recognised by its first bytes (so a
 * renamed one still works), CSV by its name; legacy .xls and binary files are refused with a clear code.
 */
export async function readImportFile(file: { name: string; bytes: Uint8Array }): Promise<string[][]> {
  const { bytes } = file;
  if (bytes.length === 0) throw new ImportFileError("empty");
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError("tooLarge");
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE2)) throw new ImportFileError("xlsNotSupported");
  if (/\.xlsx$/i.test(file.name)) throw new ImportFileError("invalidXlsx");
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  // NUL bytes outside UTF-16 mean a binary file (an image, a PDF) picked by mistake.
  if (!/\.(csv|txt|tsv)$/i.test(file.name) || (!utf16 && bytes.subarray(0, 4096).includes(0))) {
    throw new ImportFileError("unsupportedType");
  }
  return parseCsv(decodeText(bytes));
}
