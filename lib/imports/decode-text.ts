// Text files from spreadsheet users: UTF-8 (with or without BOM), UTF-16 "Unicode text", or GB18030/GBK
// as Chinese Excel saves "CSV (逗号分隔)".

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]) {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Decodes an uploaded text file, choosing the encoding from its BOM, else UTF-8 when valid, else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF8_BOM)) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // GB18030 is a superset of GBK and GB2312, so one decoder covers every Chinese Excel export.
    return new TextDecoder("gb18030").decode(bytes);
  }
}
