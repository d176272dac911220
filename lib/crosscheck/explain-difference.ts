// Compares WeChat's figures of one day with ours and says why they may differ: a pure function, so
// the rules are tested on their own and the page, the CLI and the README say the same thing.
import { offsetAt } from "../stats/zone-clock";

export type WechatDay = { qrNew: number; allNew: number; cancel: number; cumulate: number };
export type OurDay = { qrNew: number; allNew: number; unfollows: number; net: number; unattributed: number };
export type Reason =
  | { code: "notReady" | "notFetched" | "timeZone" }
  | { code: "missed" | "extra" | "unattributed" | "plainQr"; count: number };
export type DayStatus = "match" | "off" | "notReady" | "notFetched";
export type DayComparison = { status: DayStatus; diff: { qrNew: number; allNew: number; cancel: number } | null; reasons: Reason[] };

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** True when the account's calendar day differs from Beijing's on this day (our rollups use the account's time zone). */
export function dayBoundaryDiffers(day: string, timeZone: string): boolean {
  const start = Date.parse(`${day}T00:00:00+08:00`);
  return offsetAt(start, timeZone) !== BEIJING_OFFSET_MS || offsetAt(start + 86_399_000, timeZone) !== BEIJING_OFFSET_MS;
}

/**
 * The day's status and its explanations. WeChat ahead of us: pushes we never got or refused. Us ahead:
 * pushes that did not come from WeChat. Unknown scenes are no difference (both sides count them), but
 * they are the follows WeChat files as QR scans that no promoter of ours was credited with.
 */
export function explainDifference({ day, wechat, ours, timeZone, latestReady }: { day: string; wechat: WechatDay | null; ours: OurDay; timeZone: string; latestReady: string }): DayComparison {
  const reasons: Reason[] = [];
  if (ours.unattributed > 0) reasons.push({ code: "unattributed", count: ours.unattributed });
  if (!wechat) return { status: day > latestReady ? "notReady" : "notFetched", diff: null, reasons: [{ code: day > latestReady ? "notReady" : "notFetched" }, ...reasons] };
  const diff = { qrNew: wechat.qrNew - ours.qrNew, allNew: wechat.allNew - ours.allNew, cancel: wechat.cancel - ours.unfollows };
  const values = [diff.allNew, diff.cancel, diff.qrNew];
  if (values.every((v) => v === 0)) return { status: "match", diff, reasons };
  const off: Reason[] = [];
  if (dayBoundaryDiffers(day, timeZone)) off.push({ code: "timeZone" });
  // The follows and unfollows counts; the QR count is part of the follows, not added on top.
  const ahead = Math.max(diff.allNew, 0) + Math.max(diff.cancel, 0);
  const behind = Math.max(-diff.allNew, 0) + Math.max(-diff.cancel, 0);
  if (ahead > 0) off.push({ code: "missed", count: ahead });
  if (behind > 0) off.push({ code: "extra", count: behind });
  // More QR follows on WeChat's side than its extra follows explain: scans of the account's own
  // (non-parametric) QR code, which WeChat files as source 30 but push with no scene (organic to us).
  const plainQr = diff.qrNew - Math.max(diff.allNew, 0);
  if (plainQr > 0) off.push({ code: "plainQr", count: plainQr });
  return { status: "off", diff, reasons: [...off, ...reasons] };
}
