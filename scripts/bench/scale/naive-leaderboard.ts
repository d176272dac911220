// The baseline: the leaderboard as it would be written without rollups, one GROUP BY over the raw
// event log for the range. It is the cheapest such query (no join to the codes or the promoters,
// no unfollows, which carry no scene and need the ledger), so the ratios against it are conservative.
// Each database plans it its own way: SQLite walks an (accountId, …) index and reads each row,
// PostgreSQL scans the table in parallel; both are what the query gets on a default install.
import { db, Prisma } from "../../../lib/db";
import { addDays, dayStart } from "../../../lib/stats/day";
import type { ScaleAccount } from "./seed-scale";

type NaiveRow = { eventKey: string | null; follows: number | bigint; scans: number | bigint };

/** Follows and scans per event key (scene) over the range's days in the account's time zone. */
export async function naiveLeaderboard(s: ScaleAccount) {
  const from = Math.floor(dayStart(s.range.from, s.timeZone).getTime() / 1000);
  const until = Math.floor(dayStart(addDays(s.range.to, 1), s.timeZone).getTime() / 1000);
  const rows = await db().$queryRaw<NaiveRow[]>(Prisma.sql`
    SELECT e."eventKey",
      SUM(CASE WHEN e."event" = 'subscribe' THEN 1 ELSE 0 END) AS "follows",
      SUM(CASE WHEN e."event" = 'SCAN' THEN 1 ELSE 0 END) AS "scans"
    FROM "WechatEvent" e
    WHERE e."accountId" = ${s.accountId} AND e."event" IN ('subscribe', 'SCAN')
      AND e."createTime" >= ${from} AND e."createTime" < ${until}
    GROUP BY e."eventKey"
    ORDER BY "follows" DESC`);
  return rows.map((r) => ({ eventKey: r.eventKey, follows: Number(r.follows), scans: Number(r.scans) }));
}
