// One cross-check run for an account (scheduled, from the page or the CLI): fetch WeChat's published
// figures for the range, store them, and remember when it worked or what WeChat answered when it did not.
import { db } from "../db";
import { log } from "../log/logger";
import { WechatApiError, WechatNetworkError, wechatErrorHint, type WechatErrorHint } from "../wechat/wechat-error";
import { readyPart } from "./datacube-days";
import { fetchDatacube, type DatacubeProgress } from "./fetch-datacube";

export type CrosscheckRun =
  | { ok: true; fetched: { from: string; to: string } | null; days: number }
  | { ok: false; fetched: { from: string; to: string } | null; days: number; errcode: number; errmsg: string; hint: WechatErrorHint };

// Stored as the errcode when WeChat could not be reached at all, or when the run failed on our side
// (no WeChat errcode exists for either).
export const NETWORK_ERRCODE = -2;
export const INTERNAL_ERRCODE = -3;
const OWN_HINTS: Record<number, WechatErrorHint> = {
  [NETWORK_ERRCODE]: {
    zh: "无法连接微信接口（超时或网络错误）。请检查服务器能否访问 api.weixin.qq.com，稍后重试。",
    en: "WeChat's API could not be reached (timeout or network error). Check that the server can reach api.weixin.qq.com, then try again.",
  },
  [INTERNAL_ERRCODE]: {
    zh: "场景码在获取微信数据时出错（不是微信返回的错误），详情见服务器日志。",
    en: "Scenecode failed while fetching WeChat's figures (not an error from WeChat); the server log has the details.",
  },
};

export function crosscheckErrorHint(errcode: number, errmsg = ""): WechatErrorHint {
  return OWN_HINTS[errcode] ?? wechatErrorHint(errcode, errmsg);
}

function describeFailure(error: unknown): { errcode: number; errmsg: string } {
  if (error instanceof WechatApiError) return { errcode: error.errcode, errmsg: error.errmsg };
  if (error instanceof WechatNetworkError) return { errcode: NETWORK_ERRCODE, errmsg: error.message };
  log().error({ err: error }, "crosscheck: the fetch failed on our side");
  return { errcode: INTERNAL_ERRCODE, errmsg: "" };
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
    const { errcode, errmsg } = describeFailure(error);
    const data = { attemptedAt: now, errcode, errmsg };
    await db().datacubeFetch.upsert({ where: { accountId }, create: { accountId, ...data }, update: data });
    return { ok: false, fetched, days, errcode, errmsg, hint: crosscheckErrorHint(errcode, errmsg) };
  }
}
