// A QR code as the REST API shows it, with its status as of now and WeChat's last error and hint.
import type { z } from "zod";
import { qrErrorHint } from "../promoters/qr-error-hint";
import { effectiveStatus, isExpiringSoon, type QrKind } from "../promoters/qr-spec";
import type { qrCode } from "./api-schemas";

export type ApiQrCode = z.input<typeof qrCode>;

type StoredQrCode = {
  id: string;
  promoterId: string | null;
  kind: string;
  label: string | null;
  sceneId: number | null;
  sceneStr: string | null;
  sceneKey: string;
  status: string;
  url: string | null;
  ticket: string | null;
  expireSeconds: number | null;
  expiresAt: Date | null;
  createdAt: Date;
  lastErrorCode: number | null;
  lastErrorMsg: string | null;
};

export function serializeQrCode(qr: StoredQrCode, now = new Date()): ApiQrCode {
  return {
    id: qr.id,
    promoterId: qr.promoterId,
    kind: qr.kind as QrKind,
    label: qr.label,
    scene: { id: qr.sceneId, str: qr.sceneStr, key: qr.sceneKey },
    status: effectiveStatus(qr, now) as ApiQrCode["status"],
    url: qr.url,
    ticket: qr.ticket,
    expireSeconds: qr.expireSeconds,
    expiresAt: qr.expiresAt?.toISOString() ?? null,
    expiringSoon: isExpiringSoon(qr, now),
    createdAt: qr.createdAt.toISOString(),
    error: qr.lastErrorCode === null ? null : { errcode: qr.lastErrorCode, errmsg: qr.lastErrorMsg ?? "", hint: qrErrorHint(qr.lastErrorCode, qr.lastErrorMsg ?? "") },
  };
}
