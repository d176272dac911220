import { db } from "../db";
import { issueQrCode } from "../promoters/issue-qrcode";
import { isTemporary } from "../promoters/qr-spec";
import { getApiQrCode } from "./list-api-qrcodes";

export class NotRenewableError extends Error {
  constructor() {
    super("This permanent code is active and never expires: there is nothing to renew");
    this.name = "NotRenewableError";
  }
}

/** WeChat refused a call the client asked for; carries the errcode for the answer. */
export class WechatRefusedError extends Error {
  constructor(readonly errcode: number, readonly errmsg: string) {
    super(`WeChat refused the request: errcode ${errcode} ${errmsg}`);
    this.name = "WechatRefusedError";
  }
}

/**
 * Renews a temporary code (a new ticket, valid for its full period from now), or retries a permanent
 * code whose creation failed. Null for a code not of this account.
 */
export async function renewApiQrCode(accountId: string, id: string) {
  const qr = await db().qrCode.findFirst({ where: { id, accountId }, select: { id: true, kind: true, status: true } });
  if (!qr) return null;
  if (!isTemporary(qr.kind) && qr.status === "active") throw new NotRenewableError();
  const result = await issueQrCode(qr.id);
  if (!result.ok) throw new WechatRefusedError(result.errcode ?? -2, result.errmsg);
  return getApiQrCode(accountId, id);
}
