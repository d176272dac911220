import { db } from "../db";
import { qrErrorHint } from "../promoters/qr-error-hint";
import type { WechatErrorHint } from "../wechat/wechat-error";

export type TokenState = {
  /** Seconds until the stored token expires (negative: expired); null when none is stored. */
  expiresInS: number | null;
  /** When the stored token was fetched from WeChat. */
  lastRefreshAt: Date | null;
  /** The last failed refresh, with what to do; `resolved` when a token was fetched after it. */
  lastError: { errcode: number; errmsg: string; at: Date; hint: WechatErrorHint; resolved: boolean } | null;
};

/** The account's access-token state: no token value, only its times and the last refresh error. */
export async function getTokenState(accountId: string, now = new Date()): Promise<TokenState> {
  const [token, error] = await Promise.all([
    db().accessToken.findUnique({ where: { accountId }, select: { expiresAt: true, fetchedAt: true } }),
    db().accessTokenError.findUnique({ where: { accountId } }),
  ]);
  return {
    expiresInS: token ? Math.round((token.expiresAt.getTime() - now.getTime()) / 1000) : null,
    lastRefreshAt: token?.fetchedAt ?? null,
    lastError: error
      ? { errcode: error.errcode, errmsg: error.errmsg, at: error.at, hint: qrErrorHint(error.errcode, error.errmsg), resolved: !!token && token.fetchedAt > error.at }
      : null,
  };
}
