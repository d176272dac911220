import { db } from "../db";
import { createQrCode } from "../wechat/create-qrcode";
import { WechatApiError, WechatNetworkError } from "../wechat/wechat-error";
import { isTemporary, specFor } from "./qr-spec";
import { log } from "../log/logger";

export type IssueResult = { ok: true } | { ok: false; errcode: number | null; errmsg: string };

// errcode recorded for failures that are not WeChat errcodes (network, unexpected response).
export const NETWORK_FAILURE = -2;

/**
 * Asks WeChat for the ticket and URL of a stored code and records the outcome on the row.
 * Retrying a permanent code is safe (WeChat answers a scene with the same code); calling it
 * for a temporary code renews it: a new ticket valid for another expire_seconds.
 */
export async function issueQrCode(qrCodeId: string, now = new Date()): Promise<IssueResult> {
  const qr = await db().qrCode.findUniqueOrThrow({ where: { id: qrCodeId } });
  if (qr.status === "active" && !isTemporary(qr.kind)) return { ok: true };
  try {
    const created = await createQrCode(qr.accountId, specFor(qr));
    const expiresAt = created.expireSeconds ? new Date(now.getTime() + created.expireSeconds * 1000) : null;
    await db().qrCode.update({
      where: { id: qr.id },
      data: { ticket: created.ticket, url: created.url, expiresAt, status: "active", lastErrorCode: null, lastErrorMsg: null },
    });
    return { ok: true };
  } catch (error) {
    const errcode = error instanceof WechatApiError ? error.errcode : NETWORK_FAILURE;
    const errmsg = error instanceof WechatApiError ? error.errmsg : error instanceof WechatNetworkError ? error.message : "Unexpected response from WeChat";
    if (!(error instanceof WechatApiError || error instanceof WechatNetworkError)) log().error({ err: error }, "qrcode/create failed");
    // A temporary code that was working keeps its (still valid) ticket; only the error is noted.
    const keep = qr.status === "active" && qr.expiresAt && qr.expiresAt > now;
    await db().qrCode.update({ where: { id: qr.id }, data: { ...(keep ? {} : { status: "failed" }), lastErrorCode: errcode, lastErrorMsg: errmsg.slice(0, 500) } });
    return { ok: false, errcode, errmsg };
  }
}
