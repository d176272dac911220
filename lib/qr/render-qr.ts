import QRCode from "qrcode";
import { encodeQrPng } from "./encode-png";

// Rendered locally from the url qrcode/create returned: no hot-linking of showqrcode, crisp in print.
const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

export function qrSvg(content: string): Promise<string> {
  return QRCode.toString(content, { ...OPTIONS, type: "svg" });
}

/** A PNG at print resolution (1024 px ≈ 8.7 cm at 300 dpi): 1-bit, a few milliseconds (see encode-png.ts). */
export async function qrPng(content: string, width = 1024): Promise<Buffer> {
  return encodeQrPng(QRCode.create(content, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel }).modules, width, OPTIONS.margin);
}
