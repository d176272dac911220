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
  const [eligible, retained] = await Promise.all([
    db().follower.groupBy({ by: ["promoterId"], where, _count: { _all: true } }),
    db().follower.groupBy({ by: ["promoterId"], where: { ...where, retained7: true }, _count: { _all: true } }),
  ]);
  const kept = new Map(retained.map((r) => [r.promoterId, r._count._all]));
  for (const e of eligible) {
    const n = kept.get(e.promoterId) ?? 0;
    out.set(e.promoterId!, { eligible: e._count._all, retained: n, rate: n / e._count._all });
  }
  return out;
}
