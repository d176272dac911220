import { csvStream } from "../exports/csv-stream";
import { downloadResponse } from "../exports/download-response";
import type { Dictionary } from "../i18n/locales";
import type { CampaignMetric } from "./campaign-query";
import type { Window } from "./campaign-window";
import { getCampaignBoard } from "./get-campaign-board";

const METRICS = ["newFollowers", "refollows", "scans", "unfollows", "net"] as const;
// 有效关注 and its pending count go last, so spreadsheets built on the earlier columns keep their layout.
export const CAMPAIGN_EXPORT_PAGE = 1000;

type Campaign = Window & { id: string; name: string };

/** The campaign leaderboard as on its page (same order), as CSV written page by page, in the reader's language. */
export function exportCampaignBoard(accountId: string, campaign: Campaign, sort: CampaignMetric, t: Dictionary): Response {
  const c = t.campaigns.columns;
  const e = t.batch.exports;
  const header = [c.rank, c.promoter, e.columns.active, ...METRICS.map((m) => c[m]), c.outside, e.columns.promoterId, c.qualified, e.columns.qualifyPending];
  async function* pages() {
    for (let offset = 0; ; offset += CAMPAIGN_EXPORT_PAGE) {
      const { rows } = await getCampaignBoard(accountId, campaign, { sort, limit: CAMPAIGN_EXPORT_PAGE, offset });
      if (rows.length) yield rows.map((r) => [r.rank, r.name, r.active ? e.active.yes : e.active.no, ...METRICS.map((m) => r[m]), r.outsideFollows, r.promoterId, r.qualified, r.qualifyPending]);
      if (rows.length < CAMPAIGN_EXPORT_PAGE) return;
    }
  }
  const base = `${campaign.name}-${campaign.startDay}-${campaign.endDay}`;
  return downloadResponse(csvStream(header, pages()), "text/csv; charset=utf-8", `${base}.csv`, `campaign-${campaign.startDay}-${campaign.endDay}.csv`);
}
