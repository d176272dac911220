import { csvCell, type CsvCell } from "../api-keys/to-csv";

const line = (row: readonly CsvCell[]) => `${row.map(csvCell).join(",")}\r\n`;

/**
 * A CSV download written page by page as the client reads it (same format as toCsv: BOM, CRLF,
 * formula guard), so a large export never sits in memory whole.
 */
export function csvStream(header: readonly string[], pages: AsyncIterable<readonly (readonly CsvCell[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${line(header)}`));
    },
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value.map(line).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
