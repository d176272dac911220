import { readSheet } from "read-excel-file/node";
import { MAX_IMPORT_BYTES } from "./import-limits";
import { decodeText } from "./decode-text";
import { ImportFileError } from "./import-file-error";
import { inflateZipEntries } from "./inflate-zip-entries";
import { parseCsv } from "./parse-csv";
import { writeStoredZip } from "./write-stored-zip";

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

// The parts of an .xlsx the sheet parser reads (read-excel-file skips the rest: images, printer settings).
const isSheetXml = (name: string) => name.endsWith(".xml") || name.endsWith(".xml.rels");

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  // read-excel-file inflates whatever the archive holds, without a limit: it is only handed a
  // re-packed, uncompressed copy of entries that were inflated here under MAX_XLSX_INFLATED_BYTES.
  const files = await inflateZipEntries(bytes, isSheetXml, MAX_XLSX_INFLATED_BYTES);
  try {
    const data = await readSheet(writeStoredZip(files));
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
