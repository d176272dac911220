// Follows a stored ZIP (zip-stream.ts) as its bytes arrive and counts the entries completed, so
// the download button can say "123 of 1,000" without waiting for the end. It reads only the local
// headers' sizes; the data itself is skipped.
const LOCAL_HEADER = 0x04034b50;
const HEADER_BYTES = 30;

export type ZipProgress = { feed(chunk: Uint8Array): number; readonly entries: number };

export function zipProgress(): ZipProgress {
  let entries = 0;
  let skip = 0; // bytes of the current entry (name + data) still to pass
  let pending = new Uint8Array(0); // a header split across chunks
  let finished = false; // the central directory has begun: no more entries
  let current = 0; // the size of the entry being skipped, to count it once it is passed
  return {
    get entries() {
      return entries;
    },
    feed(chunk) {
      let bytes = pending.length ? concat(pending, chunk) : chunk;
      pending = new Uint8Array(0);
      while (!finished && bytes.length) {
        if (skip > 0) {
          const passed = Math.min(skip, bytes.length);
          skip -= passed;
          bytes = bytes.subarray(passed);
          if (skip === 0 && current) [entries, current] = [entries + 1, 0];
          continue;
        }
        if (bytes.length < HEADER_BYTES) {
          pending = bytes.slice();
          break;
        }
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (view.getUint32(0, true) !== LOCAL_HEADER) {
          finished = true;
          break;
        }
        skip = view.getUint16(26, true) + view.getUint16(28, true) + view.getUint32(18, true);
        current = 1;
        bytes = bytes.subarray(HEADER_BYTES);
        if (skip === 0) [entries, current] = [entries + 1, 0];
      }
      return entries;
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
