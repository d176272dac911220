// RFC 4180 CSV (quoted fields, "" escapes, line breaks inside quotes), as Excel and WPS write it.
import { ImportFileError } from "./import-file-error";

const DELIMITERS = [",", "\t", ";"] as const;

/** The delimiter used by the first line: the most frequent of comma, tab and semicolon outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0].replace(/"[^"]*"/g, "");
  let best: string = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/**
 * Every record of a CSV text as an array of raw cell strings. A quote that is never closed would take
 * the rest of the file into one cell, so it refuses the file and names the row where the quote opened.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let quoteRow = 0;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') {
        cell += c;
      } else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (c === '"' && cell === "") {
      quoted = true;
      quoteRow = rows.length + 1;
    } else if (c === delimiter) {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else {
      cell += c;
    }
  }
  if (quoted) throw new ImportFileError("unclosedQuote", { row: quoteRow });
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
