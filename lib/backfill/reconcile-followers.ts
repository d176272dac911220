// The end of an import: compare what WeChat listed with what Scenecode believes.
//
// Rules (README "Importing existing followers"):
// - A follower we think follows, that this run's user/get did not list, unfollowed without us seeing
//   it (a missed unsubscribe): a synthetic "reconcile" event makes them unfollowed through the usual
//   replay, with a ledger row kind "unfollow" marked note "reconciled" (counted in unfollows).
//   Not when they followed (or anything moved) after the run started: the listing may have passed
//   them before that, so its silence proves nothing.
// - Unless they are too many (more than a fifth of what WeChat listed, and over 100): an empty or cut
//   short listing must never unfollow a whole account; they are reported, marked not applied.
// - A follower WeChat lists that we think unfollowed (a missed re-follow) is only reported: the
//   import never invents a follow, and the next live event puts it right.
import { chunks, timestamp, type PipelineDb } from "../ingest/pipeline-db/sql-session";
import { insertEvents, inWorkerTransaction, replayAndWrite } from "./import-chunk";

const CHUNK = 1_000;
const SAMPLE = 20;
const MIN_SUSPICIOUS = 100;
const MAX_SHARE = 0.2;

export type ReconciliationReport = {
  /** applied false: too many to be believable, so nothing was corrected (see the rules above). */
  missedUnsubscribes: { count: number; sample: string[]; applied: boolean };
  listedButUnfollowed: { count: number; sample: string[] };
};

/** Writes the corrections; returns the report (counts and up to 20 openids each way). */
export async function reconcileFollowers(database: PipelineDb, accountId: string, startedAt: Date, listed: number, now = new Date()): Promise<ReconciliationReport> {
  const p = database.provider;
  const since = timestamp(p, startedAt);
  const sinceSec = Math.floor(startedAt.getTime() / 1000);
  const missed = await database.read<{ openid: string }>(
    `SELECT f."openid" FROM "Follower" f
      WHERE f."accountId" = ? AND f."status" = 'following' AND (f."listedAt" IS NULL OR f."listedAt" < ?)
        AND (f."lastFollowedAt" IS NULL OR f."lastFollowedAt" < ?)
        AND NOT EXISTS (SELECT 1 FROM "WechatEvent" e WHERE e."accountId" = f."accountId" AND e."fromUser" = f."openid" AND e."createTime" >= ?)
      ORDER BY f."openid"`,
    [accountId, since, since, sinceSec],
  );
  const openids = missed.map((r) => r.openid);
  let corrected = 0;
  const createTime = Math.floor(now.getTime() / 1000);
  const applied = openids.length <= Math.max(MIN_SUSPICIOUS, Math.floor(listed * MAX_SHARE));
  for (const part of applied ? chunks(openids, CHUNK) : []) {
    corrected += await inWorkerTransaction(database, async (session) => {
      await insertEvents(session, accountId, part.map((openid) => ({ openid, createTime, eventKey: null, event: "reconcile" })), timestamp(p, now));
      const rows = await replayAndWrite(session, accountId, part, now);
      return rows.filter((r) => r.kind === "unfollow").length;
    });
  }
  const [reverse, [{ n }]] = await Promise.all([
    database.read<{ openid: string }>(
      `SELECT "openid" FROM "Follower" WHERE "accountId" = ? AND "status" = 'unfollowed' AND "listedAt" >= ? ORDER BY "openid" LIMIT ${SAMPLE}`,
      [accountId, since],
    ),
    database.read<{ n: number | bigint }>(`SELECT COUNT(*) AS "n" FROM "Follower" WHERE "accountId" = ? AND "status" = 'unfollowed' AND "listedAt" >= ?`, [accountId, since]),
  ]);
  return {
    missedUnsubscribes: { count: applied ? corrected : openids.length, sample: openids.slice(0, SAMPLE), applied },
    listedButUnfollowed: { count: Number(n), sample: reverse.map((r) => r.openid) },
  };
}
