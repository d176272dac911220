import { db } from "../db";
import { addDays, dayStart } from "./day";

const WEEK_MS = 7 * 86400_000;

/**
 * 7-day retention per promoter: of the followers they brought whose first follow fell in the
 * range and is at least 7 days old, the share still following 7 days later. Promoters with no
 * such follower are absent (retention unknown, not zero).
 */
export async function getRetention(accountId: string, range: { from: string; to: string }, timeZone: string, now = new Date()) {
  const start = dayStart(range.from, timeZone);
  const end = new Date(Math.min(dayStart(addDays(range.to, 1), timeZone).getTime(), now.getTime() - WEEK_MS));
  const out = new Map<string, { eligible: number; retained: number; rate: number }>();
  if (end <= start) return out;
  const where = { accountId, source: "qr", promoterId: { not: null }, firstFollowedAt: { gte: start, lt: end } };
  const groups = await db().follower.groupBy({ by: ["promoterId", "retained7"], where, _count: { _all: true } });
  for (const g of groups) {
    const entry = out.get(g.promoterId!) ?? { eligible: 0, retained: 0, rate: 0 };
    entry.eligible += g._count._all;
    if (g.retained7) entry.retained += g._count._all;
    entry.rate = entry.retained / entry.eligible;
    out.set(g.promoterId!, entry);
  }
  return out;
}
