import { db } from "../db";
import { WechatApiError } from "./wechat-error";

/** Stands for "WeChat could not be reached" where an errcode is stored (the same value as a QR code's network failure). */
export const TOKEN_NETWORK_FAILURE = -2;

/**
 * Remembers why the account's access token could not be fetched (the cockpit shows it with its
 * hint). Best effort: failing to note it must not hide the original error from the caller.
 */
export async function noteTokenError(accountId: string, error: unknown): Promise<void> {
  const errcode = error instanceof WechatApiError ? error.errcode : TOKEN_NETWORK_FAILURE;
  const errmsg = error instanceof WechatApiError ? error.errmsg : String((error as Error)?.message ?? error).slice(0, 500);
  const data = { errcode, errmsg, at: new Date() };
  await db().accessTokenError.upsert({ where: { accountId }, create: { accountId, ...data }, update: data }).catch(() => undefined);
}
