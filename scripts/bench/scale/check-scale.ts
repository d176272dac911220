// Sanity checks run once before timing, so a broken query (a missing promoter, a page cut in
// memory, sums from the wrong rows, a private page for someone else) cannot pass by being fast.
import { db } from "../../../lib/db";
import { getLeaderboard, LEADERBOARD_PAGE_SIZE, type LeaderboardRow } from "../../../lib/stats/get-leaderboard";
import { naiveLeaderboard } from "./naive-leaderboard";
import { SCALE_DAYS, SCALE_PROMOTERS, type ScaleAccount } from "./seed-scale";
import { serveLeaderboardApi, serveLeaderboardPage, servePrivatePage, servePromoterList } from "./serve";

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`leaderboard sanity check failed: ${what}`);
}

const sum = (rows: { newFollowers: number }[]) => rows.reduce((total, r) => total + r.newFollowers, 0);

export async function checkScale(s: ScaleAccount, search: string) {
  const where = { accountId: s.accountId, day: { gte: s.range.from, lte: s.range.to } };
  const { _sum: rollup } = await db().promoterDailyStat.aggregate({ where, _sum: { newFollowers: true, scans: true } });
  const { rows: whole } = await getLeaderboard(s.accountId, s.range, { timeZone: s.timeZone, limit: Infinity });
  check(whole.length === SCALE_PROMOTERS, `the whole board has ${whole.length} of ${SCALE_PROMOTERS} promoters`);
  check(sum(whole) === rollup.newFollowers && whole.reduce((t, r) => t + r.scans, 0) === rollup.scans, `the board sums to ${sum(whole)} new followers, the rollups to ${rollup.newFollowers}`);
  check(whole.some((r) => r.retention7 !== null), "no promoter has a 7-day retention");

  const api = JSON.parse(await serveLeaderboardApi(s)) as { data: LeaderboardRow[] };
  check(api.data.length === SCALE_PROMOTERS && sum(api.data) === rollup.newFollowers, `the API lists ${api.data.length} promoters summing to ${sum(api.data)}`);
  check((await serveLeaderboardApi(s, "csv")).trimEnd().split("\n").length === SCALE_PROMOTERS + 1, "the CSV export does not have one line per promoter");

  // Sorted and paged in the database (one statement, ORDER BY … LIMIT/OFFSET): page 2 continues page 1.
  const page = await serveLeaderboardPage(s);
  const second = await getLeaderboard(s.accountId, s.range, { timeZone: s.timeZone, offset: LEADERBOARD_PAGE_SIZE });
  const ranks = [...page.board.rows, ...second.rows].map((r) => r.rank);
  check(page.board.total === SCALE_PROMOTERS && ranks.every((rank, i) => rank === i + 1), "pages 1 and 2 are not ranks 1…100 of the whole board");
  check(page.board.rows.every((r, i) => r.promoterId === whole[i].promoterId), "page 1 is not the top of the whole board");
  check(page.trend.length === SCALE_DAYS && sum(page.trend) === page.totals.newFollowers, "the daily trend does not add up to the account totals");

  const list = await servePromoterList(s);
  const found = await servePromoterList(s, search);
  check(list.total === SCALE_PROMOTERS && list.promoters.length === 50 && list.totals.size > 0, `the promoter list shows ${list.promoters.length} of ${list.total}`);
  check(found.total > 0 && found.total < SCALE_PROMOTERS && found.promoters.every((p) => p.name.includes(search)), `searching "${search}" finds ${found.total}`);
  check(list.unmapped.length > 0, "no unmapped scene listed (the demo sends a few)");

  const mine = await servePrivatePage(s);
  const top = whole.find((r) => r.promoterId === s.top.id)!;
  check(mine.rank.rank === 1 && mine.rank.total === SCALE_PROMOTERS && mine.recent.newFollowers === top.newFollowers, `the private page shows rank ${mine.rank.rank}, ${mine.recent.newFollowers} new followers`);

  const naive = await naiveLeaderboard(s);
  check(naive.reduce((t, r) => t + r.follows, 0) > rollup.newFollowers!, "the baseline did not read the range's events");
}
