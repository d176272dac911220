import type { QrCodeSpec } from "../wechat/create-qrcode";

export const PERMANENT_KINDS = ["QR_LIMIT_SCENE", "QR_LIMIT_STR_SCENE"] as const;
export const TEMPORARY_KINDS = ["QR_SCENE", "QR_STR_SCENE"] as const;
export const QR_KINDS = [...PERMANENT_KINDS, ...TEMPORARY_KINDS] as const;
export type QrKind = (typeof QR_KINDS)[number];

export const MAX_EXPIRE_DAYS = 30;
export const EXPIRING_SOON_MS = 3 * 24 * 3600 * 1000;

export function isTemporary(kind: string): boolean {
  return (TEMPORARY_KINDS as readonly string[]).includes(kind);
}

type StoredCode = { kind: string; sceneId: number | null; sceneStr: string | null; expireSeconds: number | null };

/** The qrcode/create request that (re)creates a stored code. */
export function specFor(qr: StoredCode): QrCodeSpec {
  const expireSeconds = qr.expireSeconds ?? MAX_EXPIRE_DAYS * 86400;
  switch (qr.kind) {
    case "QR_LIMIT_SCENE":
      return { action: "QR_LIMIT_SCENE", sceneId: qr.sceneId! };
    case "QR_LIMIT_STR_SCENE":
      return { action: "QR_LIMIT_STR_SCENE", sceneStr: qr.sceneStr! };
    case "QR_SCENE":
      return { action: "QR_SCENE", sceneId: qr.sceneId!, expireSeconds };
    case "QR_STR_SCENE":
      return { action: "QR_STR_SCENE", sceneStr: qr.sceneStr!, expireSeconds };
    default:
      throw new Error(`Unknown QR code kind ${qr.kind}`);
  }
}

/** What a code's state is right now: a temporary code past its expiry is expired whatever the row says. */
export function effectiveStatus(qr: { status: string; expiresAt: Date | null }, now = new Date()) {
  if (qr.status === "active" && qr.expiresAt && qr.expiresAt <= now) return "expired";
  return qr.status;
}

export function isExpiringSoon(qr: { status: string; expiresAt: Date | null }, now = new Date()) {
  return effectiveStatus(qr, now) === "active" && !!qr.expiresAt && qr.expiresAt.getTime() - now.getTime() < EXPIRING_SOON_MS;
}
