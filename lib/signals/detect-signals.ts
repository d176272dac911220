import type { SignalThresholds } from "./signal-settings";

// The three detectors over ledger rows, pure so they are tested beside the code. Times are epoch ms.

export type LedgerFollow = { promoterId: string; followerId: string; qrCodeId: string | null; kind: "new_follow" | "refollow"; at: number };
export type LedgerUnfollow = { followerId: string; at: number };

export const QUICK_UNFOLLOW_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
const QUARTER_MS = 15 * MINUTE_MS;

export type QuickUnfollow = { followerId: string; qrCodeId: string | null; followedAt: number; unfollowedAt: number };
export type BurstMinute = { at: number; qrCodeId: string | null; count: number };
export type NightFollow = { followerId: string; qrCodeId: string | null; at: number; hour: number };

export type PromoterSignals = {
  newFollowers: number;
  quickUnfollows: QuickUnfollow[];
  follows: number;
  nightFollows: NightFollow[];
  bursts: BurstMinute[]; // worst first
  quickFlag: boolean;
  burstFlag: boolean;
  nightFlag: boolean;
  flagged: boolean;
};

/** A share flags when its sample is big enough and count / sample is above pct (exactly at it is not). */
export function shareAbove(count: number, sample: number, pct: number, minSample: number): boolean {
  return sample >= minSample && sample > 0 && count * 100 > pct * sample;
}

/** Whether a clock hour lies in [start, end), wrapping midnight when start > end; start = end is no window. */
export function isNightHour(hour: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

/**
 * Local hour of instants in a time zone. Every zone's offset is a multiple of 15 minutes and changes on
 * a quarter hour, so one Intl reading per UTC quarter hour serves every instant in it.
 */
export function localHourReader(timeZone: string): (ms: number) => number {
  const f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "numeric" });
  const cache = new Map<number, number>();
  return (ms) => {
    const quarter = Math.floor(ms / QUARTER_MS);
    let hour = cache.get(quarter);
    if (hour === undefined) {
      hour = Number(f.formatToParts(quarter * QUARTER_MS).find((p) => p.type === "hour")?.value ?? 0) % 24;
      cache.set(quarter, hour);
    }
    return hour;
  };
}

export type UnfollowIndex = Map<string, number[]>;

/** Each follower's unfollow times, ascending. */
export function indexUnfollows(unfollows: readonly LedgerUnfollow[]): UnfollowIndex {
  const byFollower: UnfollowIndex = new Map();
  for (const u of unfollows) {
    const list = byFollower.get(u.followerId);
    if (list) list.push(u.at);
    else byFollower.set(u.followerId, [u.at]);
  }
  for (const list of byFollower.values()) list.sort((a, b) => a - b);
  return byFollower;
}

/** New follows whose follower unfollowed within 24 h (the first unfollow at or after the follow). */
export function findQuickUnfollows(follows: readonly LedgerFollow[], byFollower: UnfollowIndex): QuickUnfollow[] {
  const quick: QuickUnfollow[] = [];
  for (const f of follows) {
    if (f.kind !== "new_follow") continue;
    const first = byFollower.get(f.followerId)?.find((at) => at >= f.at);
    if (first !== undefined && first - f.at <= QUICK_UNFOLLOW_MS) quick.push({ followerId: f.followerId, qrCodeId: f.qrCodeId, followedAt: f.at, unfollowedAt: first });
  }
  return quick;
}

/** Minutes (UTC minute = every zone's minute) with more than `perMinute` follows through one code, worst first. */
export function findBursts(follows: readonly LedgerFollow[], perMinute: number): BurstMinute[] {
  const counts = new Map<string, BurstMinute>();
  for (const f of follows) {
    const at = Math.floor(f.at / MINUTE_MS) * MINUTE_MS;
    const key = `${f.qrCodeId ?? ""}\u0000${at}`;
    const minute = counts.get(key);
    if (minute) minute.count += 1;
    else counts.set(key, { at, qrCodeId: f.qrCodeId, count: 1 });
  }
  return [...counts.values()].filter((m) => m.count > perMinute).sort((a, b) => b.count - a.count || a.at - b.at);
}

/** Follows whose local hour lies in the night window. */
export function findNightFollows(follows: readonly LedgerFollow[], start: number, end: number, hourOf: (ms: number) => number): NightFollow[] {
  const night: NightFollow[] = [];
  for (const f of follows) {
    const hour = hourOf(f.at);
    if (isNightHour(hour, start, end)) night.push({ followerId: f.followerId, qrCodeId: f.qrCodeId, at: f.at, hour });
  }
  return night;
}

/** Signals of one promoter's follows (new and re-follows) and the unfollows of their followers. */
export function detectPromoter(follows: readonly LedgerFollow[], unfollows: UnfollowIndex, s: SignalThresholds, hourOf: (ms: number) => number): PromoterSignals {
  const newFollowers = follows.filter((f) => f.kind === "new_follow").length;
  const quickUnfollows = findQuickUnfollows(follows, unfollows);
  const bursts = findBursts(follows, s.burstPerMinute);
  const nightFollows = findNightFollows(follows, s.nightStartHour, s.nightEndHour, hourOf);
  const quickFlag = shareAbove(quickUnfollows.length, newFollowers, s.quickUnfollowPct, s.minSample);
  const nightFlag = shareAbove(nightFollows.length, follows.length, s.nightPct, s.minSample);
  const burstFlag = bursts.length > 0;
  return { newFollowers, quickUnfollows, follows: follows.length, nightFollows, bursts, quickFlag, burstFlag, nightFlag, flagged: quickFlag || burstFlag || nightFlag };
}

/** Signals of every promoter in the rows, keyed by promoter id. */
export function detectSignals(follows: readonly LedgerFollow[], unfollows: readonly LedgerUnfollow[], s: SignalThresholds, timeZone: string): Map<string, PromoterSignals> {
  const byPromoter = new Map<string, LedgerFollow[]>();
  for (const f of follows) {
    const list = byPromoter.get(f.promoterId);
    if (list) list.push(f);
    else byPromoter.set(f.promoterId, [f]);
  }
  const hourOf = localHourReader(timeZone);
  const index = indexUnfollows(unfollows);
  const result = new Map<string, PromoterSignals>();
  for (const [promoterId, list] of byPromoter) result.set(promoterId, detectPromoter(list, index, s, hourOf));
  return result;
}
