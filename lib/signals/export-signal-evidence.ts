import { csvResponse, toCsv, type CsvCell } from "../api-keys/to-csv";
import { formatLocalTime } from "../exports/local-time";
import type { Dictionary } from "../i18n/locales";
import { getSignalEvidence } from "./get-signal-evidence";
import type { DayRange } from "./load-signal-ledger";

/** One promoter's evidence as CSV: every quick unfollow, burst minute and night follow behind the signals. */
export async function exportSignalEvidence(accountId: string, promoter: { id: string; name: string }, range: DayRange, timeZone: string, t: Dictionary): Promise<Response> {
  const e = await getSignalEvidence(accountId, promoter.id, range, timeZone);
  const k = t.signals.kinds;
  const time = (ms: number) => formatLocalTime(new Date(ms), timeZone);
  const scene = (id: string | null) => (id ? (e.scenes.get(id) ?? "") : "");
  const rows: CsvCell[][] = [
    ...e.quickUnfollows.map((r) => [k.quick, time(r.followedAt), time(r.unfollowedAt), e.openids.get(r.followerId) ?? "", scene(r.qrCodeId), 1]),
    ...e.bursts.map((b) => [k.burst, time(b.at), "", "", scene(b.qrCodeId), b.count]),
    ...e.nightFollows.map((r) => [k.night, time(r.at), "", e.openids.get(r.followerId) ?? "", scene(r.qrCodeId), 1]),
  ];
  const c = t.signals.csv;
  const csv = toCsv([c.signal, c.time, c.until, c.openid, c.scene, c.count], rows);
  return csvResponse(`signals-${promoter.name}-${range.from}-${range.to}.csv`, csv);
}
