// A QR code as a 1-bit grayscale PNG, drawn from the symbol's modules and compressed by Node's
// native zlib. The qrcode package's own PNG renderer draws RGBA pixels in JavaScript and deflates
// them with pngjs: tens of milliseconds of blocked event loop per print-size code, which a ZIP of
// thousands of codes (or a busy private page) would take from the WeChat callback. Same geometry as
// that renderer (scale = width / (modules + 2 × margin), nearest module), so the pictures are the same.
import zlib from "node:zlib";
import { crc32 } from "./crc32";

export type QrModules = { size: number; get(row: number, column: number): boolean | number };

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG bytes of `modules` drawn `width` pixels square with a quiet zone of `margin` modules. */
export function encodeQrPng(modules: QrModules, width: number, margin: number): Buffer {
  // A width too small for one pixel a module falls back to 4 pixels a module, as qrcode does.
  const scale = width >= modules.size + margin * 2 ? width / (modules.size + margin * 2) : 4;
  const side = Math.floor((modules.size + margin * 2) * scale);
  const edge = margin * scale;
  const rowBytes = Math.ceil(side / 8);
  const raw = Buffer.alloc((rowBytes + 1) * side, 0xff); // white; each row's filter byte is set to 0 below
  // Which module each pixel column falls in (or -1 in the quiet zone): computed once, used by every row.
  const columnModule = Int32Array.from({ length: side }, (_, x) => (x >= edge && x < side - edge ? Math.floor((x - edge) / scale) : -1));
  for (let y = 0; y < side; y++) {
    const row = y * (rowBytes + 1);
    raw[row] = 0; // filter: none
    if (y < edge || y >= side - edge) continue;
    const moduleRow = Math.floor((y - edge) / scale);
    for (let x = 0; x < side; x++) {
      const m = columnModule[x];
      if (m >= 0 && modules.get(moduleRow, m)) raw[row + 1 + (x >> 3)] &= ~(0x80 >> (x & 7));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, no filter, no interlace
  return Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", new Uint8Array(0))]);
}
