import { addDays, dayOf, dayStart } from "../stats/day";

export type CampaignStatus = "scheduled" | "running" | "ended";
export type Window = { startDay: string; endDay: string };

/** Where today (in the account's time zone) stands against the window: the status is never stored. */
export function campaignStatus(window: Window, timeZone: string, now = new Date()): CampaignStatus {
  const today = dayOf(now, timeZone);
  if (today < window.startDay) return "scheduled";
  return today > window.endDay ? "ended" : "running";
}

/** The window as instants: from the first day's midnight to the midnight after the last day. */
export function windowInstants(window: Window, timeZone: string): { startsAt: Date; endsAt: Date } {
  return { startsAt: dayStart(window.startDay, timeZone), endsAt: dayStart(addDays(window.endDay, 1), timeZone) };
}

/** Whether two windows share at least one day. */
export function overlaps(a: Window, b: Window): boolean {
  return a.startDay <= b.endDay && b.startDay <= a.endDay;
}

// WeChat's limit for temporary codes (qrcode/create expire_seconds ≤ 2592000).
export const MAX_TEMPORARY_SECONDS = 30 * 86400;

export type TemporaryExpiry = { ok: true; expireSeconds: number } | { ok: false; reason: "ended" | "tooFar"; availableFrom?: Date };

/**
 * How long a temporary code made now must live to cover the rest of the window. WeChat allows 30
 * days at most: for a window ending later, the codes can only be made from 30 days before its end
 * (availableFrom), or the campaign uses permanent codes.
 */
export function temporaryExpiry(window: Window, timeZone: string, now = new Date()): TemporaryExpiry {
  const { endsAt } = windowInstants(window, timeZone);
  const seconds = Math.ceil((endsAt.getTime() - now.getTime()) / 1000);
  if (seconds <= 0) return { ok: false, reason: "ended" };
  if (seconds > MAX_TEMPORARY_SECONDS) return { ok: false, reason: "tooFar", availableFrom: new Date(endsAt.getTime() - MAX_TEMPORARY_SECONDS * 1000) };
  return { ok: true, expireSeconds: seconds };
}
