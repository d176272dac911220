import QRCode from "qrcode";

// Rendered locally from the url qrcode/create returned: no hot-linking of showqrcode, crisp in print.
const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

export function qrSvg(content: string): Promise<string> {
  return QRCode.toString(content, { ...OPTIONS, type: "svg" });
}

/** A PNG at print resolution (1024 px ≈ 8.7 cm at 300 dpi). */
export function qrPng(content: string, width = 1024): Promise<Buffer> {
  return QRCode.toBuffer(content, { ...OPTIONS, type: "png", width });
}
