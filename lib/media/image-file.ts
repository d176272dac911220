// What WeChat accepts as a permanent image (material/add_material?type=image), checked before any upload.

// WeChat's limit for permanent images (图片素材): 10 MB; bmp/gif are accepted there too, but replies use JPG/PNG.
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const IMAGE_TYPES = { "image/jpeg": "jpg", "image/png": "png" } as const;
export type ImageType = keyof typeof IMAGE_TYPES;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** The image type the bytes are (by their magic number, not the browser's claim), or null. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const starts = (magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
  if (starts(PNG)) return "image/png";
  if (starts(JPEG)) return "image/jpeg";
  return null;
}

export type ImageProblem = "empty" | "tooLarge" | "badType" | "nameInvalid";
export type CheckedImage = { ok: true; type: ImageType; fileName: string } | { ok: false; problem: ImageProblem };

/** Whether a file may be uploaded: 1 byte..10 MB, JPG or PNG by content; its name gets the matching extension. */
export function checkImageFile(name: string, bytes: Uint8Array): CheckedImage {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, problem: "tooLarge" };
  const type = sniffImage(bytes);
  if (!type) return { ok: false, problem: "badType" };
  const base = name.trim().replace(/[\\/]/g, "_").replace(/\.(jpe?g|png)$/i, "").slice(0, 100);
  if (!base || /[\u0000-\u001f]/.test(base)) return { ok: false, problem: "nameInvalid" };
  return { ok: true, type, fileName: `${base}.${IMAGE_TYPES[type]}` };
}
