// One cross-check run for an account (scheduled, from the page or the CLI): fetch WeChat's published
// figures for the range, store them, and remember when it worked or what WeChat answered when it did not.
import { db } from "../db";
import { WechatApiError, WechatNetworkError, wechatErrorHint, type WechatErrorHint } from "../wechat/wechat-error";
import { readyPart } from "./datacube-days";
import { fetchDatacube, type DatacubeProgress } from "./fetch-datacube";

export type CrosscheckRun =
  | { ok: true; fetched: { from: string; to: string } | null; days: number }
  | { ok: false; fetched: { from: string; to: string } | null; days: number; errcode: number; errmsg: string; hint: WechatErrorHint };

// Stored as the errcode when WeChat could not be reached at all (no WeChat errcode exists for that).
export const NETWORK_ERRCODE = -2;
const NETWORK_HINT: WechatErrorHint = {
  zh: "无法连接微信接口（超时或网络错误）。请检查服务器能否访问 api.weixin.qq.com，稍后重试。",
  en: "WeChat's API could not be reached (timeout or network error). Check that the server can reach api.weixin.qq.com, then try again.",
};

export function crosscheckErrorHint(errcode: number, errmsg = ""): WechatErrorHint {
  return errcode === NETWORK_ERRCODE ? NETWORK_HINT : wechatErrorHint(errcode, errmsg);
}

/** Fetches what WeChat has published of the range (later days are left for a later run) and records the outcome. */
export async function runCrosscheck(accountId: string, range: { from: string; to: string }, { now = new Date(), onProgress }: { now?: Date; onProgress?: (p: DatacubeProgress) => void } = {}): Promise<CrosscheckRun> {
  const fetched = readyPart(range, now);
  let days = 0;
  try {
    if (fetched) days = (await fetchDatacube(accountId, fetched, (p) => { days += p.days; onProgress?.(p); })).days;
    const data = { attemptedAt: now, succeededAt: now, errcode: null, errmsg: null };
    await db().datacubeFetch.upsert({ where: { accountId }, create: { accountId, ...data }, update: data });
    return { ok: true, fetched, days };
  } catch (error) {
    if (!(error instanceof WechatApiError) && !(error instanceof WechatNetworkError)) throw error;
    const errcode = error instanceof WechatApiError ? error.errcode : NETWORK_ERRCODE;
    const errmsg = error instanceof WechatApiError ? error.errmsg : error.message;
    const data = { attemptedAt: now, errcode, errmsg };
    await db().datacubeFetch.upsert({ where: { accountId }, create: { accountId, ...data }, update: data });
    return { ok: false, fetched, days, errcode, errmsg, hint: crosscheckErrorHint(errcode, errmsg) };
  }
}
