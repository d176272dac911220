import { db } from "../db";
import { qrErrorHint } from "../promoters/qr-error-hint";
import { getApiQuota } from "../wechat/get-api-quota";
import { WechatApiError, type WechatErrorHint } from "../wechat/wechat-error";
import { TOKEN_NETWORK_FAILURE } from "../wechat/note-token-error";

export const QRCODE_CREATE = "/cgi-bin/qrcode/create";
// quota/get has a daily quota of its own: WeChat is asked at most this often per account (all instances share the row).
export const QUOTA_CACHE_MS = 10 * 60_000;

export type QuotaState = {
  cgiPath: string;
  /** The last good figures; null before the first successful fetch. */
  figures: { dailyLimit: number; used: number; remain: number } | null;
  fetchedAt: Date | null;
  /** The last fetch failed: errcode, WeChat's message and what to do. */
  error: { errcode: number; errmsg: string; hint: WechatErrorHint } | null;
};

type Row = { dailyLimit: number; used: number; remain: number; fetchedAt: Date; errcode: number | null; errmsg: string | null };

function toState(row: Row | null): QuotaState {
  if (!row) return { cgiPath: QRCODE_CREATE, figures: null, fetchedAt: null, error: null };
  const fetched = row.dailyLimit > 0 || row.used > 0 || row.remain > 0;
  return {
    cgiPath: QRCODE_CREATE,
    figures: fetched ? { dailyLimit: row.dailyLimit, used: row.used, remain: row.remain } : null,
    fetchedAt: row.fetchedAt,
    error: row.errcode !== null ? { errcode: row.errcode, errmsg: row.errmsg ?? "", hint: qrErrorHint(row.errcode, row.errmsg ?? "") } : null,
  };
}

/** Asks WeChat now and stores the answer (or the error beside the last good figures). */
export async function refreshQrcodeQuota(accountId: string): Promise<QuotaState> {
  const fetchedAt = new Date();
  const where = { accountId_cgiPath: { accountId, cgiPath: QRCODE_CREATE } };
  try {
    const figures = await getApiQuota(accountId, QRCODE_CREATE);
    const data = { ...figures, fetchedAt, errcode: null, errmsg: null };
    return toState(await db().apiQuota.upsert({ where, create: { accountId, cgiPath: QRCODE_CREATE, ...data }, update: data }));
  } catch (error) {
    const errcode = error instanceof WechatApiError ? error.errcode : TOKEN_NETWORK_FAILURE;
    const errmsg = error instanceof WechatApiError ? error.errmsg : "";
    const data = { fetchedAt, errcode, errmsg };
    return toState(await db().apiQuota.upsert({ where, create: { accountId, cgiPath: QRCODE_CREATE, ...data }, update: data }));
  }
}

/** The cached quota of qrcode/create; fetched again when older than QUOTA_CACHE_MS unless `cachedOnly`. */
export async function getQrcodeQuota(accountId: string, { cachedOnly = false, now = new Date() } = {}): Promise<QuotaState> {
  const row = await db().apiQuota.findUnique({ where: { accountId_cgiPath: { accountId, cgiPath: QRCODE_CREATE } } });
  if (cachedOnly || (row && now.getTime() - row.fetchedAt.getTime() < QUOTA_CACHE_MS)) return toState(row);
  return refreshQrcodeQuota(accountId);
}
