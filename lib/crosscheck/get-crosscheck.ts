// The cross-check table: per day, WeChat's stored figures beside ours (the rollups, plus the ledger's
// QR re-follows), with each day's difference explained.
import { db } from "../db";
import { addDays, daysBetween, dayStart } from "../stats/day";
import { crosscheckErrorHint } from "./run-crosscheck";
import { latestReadyDay } from "./datacube-days";
import { explainDifference, type DayComparison, type OurDay, type WechatDay } from "./explain-difference";

export const QR_SOURCE = 30; // user_source 扫描二维码
export type CrosscheckRow = { day: string; wechat: WechatDay | null; ours: OurDay } & DayComparison;

async function ourDays(accountId: string, range: { from: string; to: string }, timeZone: string) {
  const [rollups, qrRefollows] = await Promise.all([
    db().accountDailyStat.findMany({ where: { accountId, day: { gte: range.from, lte: range.to } } }),
    // Re-follows are one rollup counter; WeChat files those through a code under QR scans, so the ledger splits them.
    db().attribution.groupBy({
      by: ["day"],
      where: { accountId, kind: "refollow", sceneKey: { not: null }, occurredAt: { gte: dayStart(range.from, timeZone), lt: dayStart(addDays(range.to, 1), timeZone) } },
      _count: { _all: true },
    }),
  ]);
  const refollowsByDay = new Map(qrRefollows.map((g) => [g.day, g._count._all]));
  return new Map(rollups.map((r) => {
    const allNew = r.newFollowers + r.refollows;
    const qrNew = r.newFollowers - r.organic + (refollowsByDay.get(r.day) ?? 0);
    return [r.day, { qrNew, allNew, unfollows: r.unfollows, net: allNew - r.unfollows, unattributed: r.unattributed }];
  }));
}

async function wechatDays(accountId: string, range: { from: string; to: string }) {
  const where = { accountId, day: { gte: range.from, lte: range.to } };
  const [sources, cumulates] = await Promise.all([db().wechatDailyUserStat.findMany({ where }), db().wechatDailyCumulate.findMany({ where })]);
  const days = new Map<string, WechatDay>(cumulates.map((c) => [c.day, { qrNew: 0, allNew: 0, cancel: 0, cumulate: c.cumulateUser }]));
  for (const s of sources) {
    const day = days.get(s.day);
    if (!day) continue;
    day.allNew += s.newUser;
    day.cancel += s.cancelUser;
    if (s.userSource === QR_SOURCE) day.qrNew += s.newUser;
  }
  return days;
}

/** Every day of the range, newest first, with when WeChat was last asked and its error if the last try failed. */
export async function getCrosscheck(account: { id: string; timezone: string }, range: { from: string; to: string }, now = new Date()) {
  const [ours, wechat, fetch] = await Promise.all([
    ourDays(account.id, range, account.timezone),
    wechatDays(account.id, range),
    db().datacubeFetch.findUnique({ where: { accountId: account.id } }),
  ]);
  const latestReady = latestReadyDay(now);
  const none: OurDay = { qrNew: 0, allNew: 0, unfollows: 0, net: 0, unattributed: 0 };
  const rows: CrosscheckRow[] = daysBetween(range.from, range.to).reverse().map((day) => {
    const row = { day, wechat: wechat.get(day) ?? null, ours: ours.get(day) ?? none };
    return { ...row, ...explainDifference({ ...row, timeZone: account.timezone, latestReady }) };
  });
  const error = fetch?.errcode != null ? { errcode: fetch.errcode, errmsg: fetch.errmsg ?? "", hint: crosscheckErrorHint(fetch.errcode, fetch.errmsg ?? "") } : null;
  return { rows, latestReady, attemptedAt: fetch?.attemptedAt ?? null, succeededAt: fetch?.succeededAt ?? null, error };
}

export type Crosscheck = Awaited<ReturnType<typeof getCrosscheck>>;
