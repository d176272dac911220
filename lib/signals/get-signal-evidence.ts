import { db } from "../db";
import { detectPromoter, indexUnfollows, localHourReader, type PromoterSignals } from "./detect-signals";
import { loadPromoterLedger, type DayRange } from "./load-signal-ledger";
import { getSignalThresholds, type SignalThresholds } from "./signal-settings";

export type SignalEvidence = PromoterSignals & { range: DayRange; thresholds: SignalThresholds; openids: Map<string, string>; scenes: Map<string, string> };

/**
 * One promoter's signals over a day range, computed live from the ledger with the evidence behind each
 * (the quick unfollows and night follows with their followers, the burst minutes with their codes);
 * openids are looked up for the first `shown` rows of each list.
 */
export async function getSignalEvidence(accountId: string, promoterId: string, range: DayRange, timeZone: string, { shown = Infinity }: { shown?: number } = {}): Promise<SignalEvidence> {
  await db().promoter.findFirstOrThrow({ where: { id: promoterId, accountId }, select: { id: true } }); // the ledger read is by promoter alone
  const [thresholds, ledger] = await Promise.all([getSignalThresholds(accountId), loadPromoterLedger(promoterId, range, timeZone)]);
  const signals = detectPromoter(ledger.follows, indexUnfollows(ledger.unfollows), thresholds, localHourReader(timeZone));
  // Openids only of the rows that will be shown (the card shows the first few; the CSV all of them).
  const followerIds = [...new Set([...signals.quickUnfollows.slice(0, shown), ...signals.nightFollows.slice(0, shown)].map((r) => r.followerId))];
  const codeIds = [...new Set([...signals.bursts, ...signals.quickUnfollows, ...signals.nightFollows].map((r) => r.qrCodeId).filter((id): id is string => id !== null))];
  const [followers, codes] = await Promise.all([
    followerIds.length ? db().follower.findMany({ where: { accountId, id: { in: followerIds } }, select: { id: true, openid: true } }) : [],
    codeIds.length ? db().qrCode.findMany({ where: { accountId, id: { in: codeIds } }, select: { id: true, sceneKey: true } }) : [],
  ]);
  return { ...signals, range, thresholds, openids: new Map(followers.map((f) => [f.id, f.openid])), scenes: new Map(codes.map((c) => [c.id, c.sceneKey])) };
}
