// A refusal the operator can act on: `key` names the message in t.settlement.errors.
export type SettlementErrorKey =
  | "invalidDay" | "order" | "tooLong" | "notClosed" | "overlap" | "busy"
  | "priceInvalid" | "priceTooHigh" | "noSuchTeam" | "noSuchCampaign" | "noSuchRun";

export class SettlementError extends Error {
  constructor(readonly key: SettlementErrorKey, readonly params: Record<string, string | number> = {}) {
    super(`settlement: ${key}`);
  }
}
