import { db } from "../db";
import { createPermanentQrCode } from "../wechat/create-qrcode";
import { WechatApiError, WechatNetworkError } from "../wechat/wechat-error";

export type IssueResult = { ok: true } | { ok: false; errcode: number | null; errmsg: string };

// errcode recorded for failures that are not WeChat errcodes (network, unexpected response).
const NETWORK_FAILURE = -2;

/**
 * Asks WeChat for the ticket and URL of a stored (pending or failed) permanent code and records
 * the outcome on the row. Retrying is safe: WeChat answers the same scene with the same code.
 */
export async function issueQrCode(qrCodeId: string): Promise<IssueResult> {
  const qr = await db().qrCode.findUniqueOrThrow({ where: { id: qrCodeId } });
  if (qr.status === "active") return { ok: true };
  try {
    const { ticket, url } = await createPermanentQrCode(qr.accountId, qr.sceneId!);
    await db().qrCode.update({ where: { id: qr.id }, data: { ticket, url, status: "active", lastErrorCode: null, lastErrorMsg: null } });
    return { ok: true };
  } catch (error) {
    const errcode = error instanceof WechatApiError ? error.errcode : NETWORK_FAILURE;
    const errmsg = error instanceof WechatApiError ? error.errmsg : error instanceof WechatNetworkError ? error.message : "Unexpected response from WeChat";
    if (!(error instanceof WechatApiError || error instanceof WechatNetworkError)) console.error("qrcode/create failed", error);
    await db().qrCode.update({ where: { id: qr.id }, data: { status: "failed", lastErrorCode: errcode, lastErrorMsg: errmsg.slice(0, 500) } });
    return { ok: false, errcode, errmsg };
  }
}
