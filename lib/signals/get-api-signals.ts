import { listFlaggedPromoters } from "./list-flagged-promoters";
import { getSignalThresholds } from "./signal-settings";

/** GET /api/v1/signals: the account's flagged promoters with the stored evidence and the thresholds. */
export async function getApiSignals(account: { id: string; timezone: string }) {
  const [{ flagged, computedAt, window }, thresholds] = await Promise.all([listFlaggedPromoters(account.id), getSignalThresholds(account.id)]);
  return {
    from: window?.from ?? null,
    to: window?.to ?? null,
    timezone: account.timezone,
    computedAt: computedAt?.toISOString() ?? null,
    thresholds,
    data: flagged.map((f) => ({
      promoterId: f.promoterId,
      name: f.name,
      signals: f.kinds,
      newFollowers: f.newFollowers,
      quickUnfollows: f.quickUnfollows,
      follows: f.follows,
      nightFollows: f.nightFollows,
      burstMinutes: f.burstMinutes,
      burstFollows: f.burstFollows,
      worstBursts: f.worstBursts,
    })),
  };
}
