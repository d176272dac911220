// Fetches WeChat's official daily follower figures (datacube/getusersummary and getusercumulate) for a
// range, 7 days per call, and stores each piece as soon as it arrives (WeChat's figures are kept forever).
import { z } from "zod";
import { db } from "../db";
import { withAccessToken } from "../wechat/access-token";
import { wechatRequest } from "../wechat/api-client";
import { splitRange } from "./datacube-days";

const refDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.coerce.number().int().nonnegative();
const summarySchema = z.object({
  list: z.array(z.object({ ref_date: refDate, user_source: z.coerce.number().int(), new_user: count, cancel_user: count })).default([]),
});
const cumulateSchema = z.object({ list: z.array(z.object({ ref_date: refDate, cumulate_user: count })).default([]) });

export type DatacubeProgress = { piece: number; pieces: number; from: string; to: string; days: number };

function ask<T>(accountId: string, path: string, schema: z.ZodType<T>, range: { from: string; to: string }): Promise<T> {
  return withAccessToken(accountId, async (token) => {
    const response = await wechatRequest<unknown>(path, { query: { access_token: token }, body: { begin_date: range.from, end_date: range.to } });
    const parsed = schema.safeParse(response);
    if (!parsed.success) throw new Error(`WeChat's ${path} response was not a list of daily figures`);
    return parsed.data;
  });
}

/**
 * Replaces the stored figures of the days WeChat answered for (getusercumulate lists every day it has);
 * a day it left out (past its retention, or not published yet) keeps what was stored before.
 */
async function storePiece(accountId: string, range: { from: string; to: string }, summary: z.infer<typeof summarySchema>, cumulate: z.infer<typeof cumulateSchema>) {
  const fetchedAt = new Date();
  const answered = new Map(cumulate.list.filter((r) => r.ref_date >= range.from && r.ref_date <= range.to).map((r) => [r.ref_date, r.cumulate_user]));
  const sums = new Map<string, { accountId: string; day: string; userSource: number; newUser: number; cancelUser: number; fetchedAt: Date }>();
  for (const r of summary.list.filter((r) => answered.has(r.ref_date))) {
    const key = `${r.ref_date} ${r.user_source}`;
    const row = sums.get(key) ?? { accountId, day: r.ref_date, userSource: r.user_source, newUser: 0, cancelUser: 0, fetchedAt };
    row.newUser += r.new_user;
    row.cancelUser += r.cancel_user;
    sums.set(key, row);
  }
  const days = { in: [...answered.keys()] };
  await db().$transaction([
    db().wechatDailyUserStat.deleteMany({ where: { accountId, day: days } }),
    db().wechatDailyUserStat.createMany({ data: [...sums.values()] }),
    db().wechatDailyCumulate.deleteMany({ where: { accountId, day: days } }),
    db().wechatDailyCumulate.createMany({ data: [...answered].map(([day, cumulateUser]) => ({ accountId, day, cumulateUser, fetchedAt })) }),
  ]);
  return answered.size;
}

/**
 * Fetches and stores WeChat's figures for every day of the range (already trimmed to published days);
 * throws WechatApiError / WechatNetworkError on the first failing call, keeping the pieces stored before it.
 */
export async function fetchDatacube(accountId: string, range: { from: string; to: string }, onProgress?: (p: DatacubeProgress) => void): Promise<{ days: number }> {
  const pieces = splitRange(range);
  let days = 0;
  for (const [i, piece] of pieces.entries()) {
    const [summary, cumulate] = await Promise.all([
      ask(accountId, "/datacube/getusersummary", summarySchema, piece),
      ask(accountId, "/datacube/getusercumulate", cumulateSchema, piece),
    ]);
    const stored = await storePiece(accountId, piece, summary, cumulate);
    days += stored;
    onProgress?.({ piece: i + 1, pieces: pieces.length, ...piece, days: stored });
  }
  return { days };
}
