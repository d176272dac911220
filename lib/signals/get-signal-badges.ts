import { db } from "../db";
import { getSignalThresholds, type SignalThresholds } from "./signal-settings";

export type SignalKind = "quick" | "burst" | "night";
export type SignalBadge = { kinds: SignalKind[]; fromDay: string; toDay: string; newFollowers: number; quickUnfollows: number; follows: number; nightFollows: number; burstMinutes: number };

/** Badges of a page of promoters, and the thresholds their explanations quote. */
export type SignalBadges = { badges: Map<string, SignalBadge>; thresholds: SignalThresholds };

/** The stored flags of some promoters (a page of the leaderboard or the promoter list), flagged ones only: one indexed read. */
export async function getSignalBadges(accountId: string, promoterIds: readonly string[]): Promise<SignalBadges> {
  const [rows, thresholds] = await Promise.all([
    promoterIds.length ? db().promoterSignal.findMany({ where: { accountId, flagged: true, promoterId: { in: [...promoterIds] } } }) : [],
    getSignalThresholds(accountId),
  ]);
  return { badges: new Map(rows.map((r) => [r.promoterId, toBadge(r)])), thresholds };
}

export function toBadge(r: { quickFlag: boolean; burstFlag: boolean; nightFlag: boolean; fromDay: string; toDay: string; newFollowers: number; quickUnfollows: number; follows: number; nightFollows: number; burstMinutes: number }): SignalBadge {
  const kinds: SignalKind[] = [];
  if (r.quickFlag) kinds.push("quick");
  if (r.burstFlag) kinds.push("burst");
  if (r.nightFlag) kinds.push("night");
  return { kinds, fromDay: r.fromDay, toDay: r.toDay, newFollowers: r.newFollowers, quickUnfollows: r.quickUnfollows, follows: r.follows, nightFollows: r.nightFollows, burstMinutes: r.burstMinutes };
}
