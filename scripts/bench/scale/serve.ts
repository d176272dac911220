// The server work behind each surface the leaderboard benchmark times, called in-process: the
// route handler itself for the API, and for each page exactly the data calls its server component
// makes (session, cookies and rendering aside), run together as the page runs them.
import { GET as leaderboardApi } from "../../../app/api/v1/leaderboard/route";
import { pickAccount } from "../../../lib/accounts/list-accounts";
import { getPromoterListPage } from "../../../lib/promoters/get-promoter-list-page";
import { getSelfServicePage } from "../../../lib/self-service/get-self-service-page";
import { getSignalBadges } from "../../../lib/signals/get-signal-badges";
import { getAccountTotals } from "../../../lib/stats/get-account-totals";
import { getDailyTrend } from "../../../lib/stats/get-daily-trend";
import { getLeaderboard, LEADERBOARD_PAGE_SIZE } from "../../../lib/stats/get-leaderboard";
import type { ScaleAccount } from "./seed-scale";


/** GET /api/v1/leaderboard?from=&to= with the account's key; resolves to the body as sent. */
export async function serveLeaderboardApi(s: ScaleAccount, format: "json" | "csv" = "json") {
  const query = new URLSearchParams({ ...s.range, ...(format === "csv" ? { format } : {}) });
  const response = await leaderboardApi(new Request(`http://bench.test/api/v1/leaderboard?${query}`, { headers: { authorization: `Bearer ${s.apiKey}` } }));
  if (response.status !== 200) throw new Error(`GET /api/v1/leaderboard answered ${response.status}: ${await response.text()}`);
  return response.text();
}

/** app/(dashboard)/leaderboard/page.tsx, page 1, default sort, no search: the top 10 come from page 1. */
export async function serveLeaderboardPage(s: ScaleAccount) {
  const { account } = await pickAccount(s.accountId);
  if (!account) throw new Error("no account");
  const options = { sort: "newFollowers" as const, timeZone: account.timezone, q: "", qualifyDays: account.qualifyDays };
  const [board, , trend, totals] = await Promise.all([
    getLeaderboard(account.id, s.range, { ...options, offset: 0 }),
    null,
    getDailyTrend(account.id, s.range),
    getAccountTotals(account.id, s.range),
  ]);
  const signals = await getSignalBadges(account.id, board.rows.map((r) => r.promoterId)); // the page's fraud-signal badges
  return { board, top: board.rows.slice(0, 10), trend, totals, signals, pages: Math.ceil(board.total / LEADERBOARD_PAGE_SIZE) };
}

/** app/(dashboard)/promoters/page.tsx: one page of promoters (optionally a search), then its widgets. */
export async function servePromoterList(s: ScaleAccount, q = "") {
  const { account } = await pickAccount(s.accountId);
  if (!account) throw new Error("no account");
  const list = await getPromoterListPage(account.id, { q, page: 1 });
  return { ...list, signals: await getSignalBadges(account.id, list.promoters.map((p) => p.id)) }; // the page's fraud-signal badges
}

/** app/p/[token]: the promoter's private page. */
export async function servePrivatePage(s: ScaleAccount) {
  const page = await getSelfServicePage(s.top.token);
  if (!page) throw new Error("the private page was not found");
  return page;
}
