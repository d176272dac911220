// The price of one qualified follow: its campaign's, else its promoter's team's, else the account's.
// The settlement's SQL applies the same precedence with COALESCE (settlement-items-sql.ts); this is its
// readable form, used to explain prices on the page and tested on its own.

export type PriceKey = "account" | `team:${string}` | `campaign:${string}`;

export function priceKey(scope: "account" | "team" | "campaign", targetId?: string | null): PriceKey {
  if (scope === "account") return "account";
  if (!targetId) throw new Error(`a ${scope} price needs its ${scope}`);
  return `${scope}:${targetId}`;
}

/** The unit price in fen for a follow through a campaign's code (or none) by a promoter in a team (or none); 0 when no price is set. */
export function resolvePrice(prices: ReadonlyMap<string, number>, follow: { campaignId?: string | null; teamId?: string | null }): { fen: number; from: "campaign" | "team" | "account" | "none" } {
  if (follow.campaignId && prices.has(`campaign:${follow.campaignId}`)) return { fen: prices.get(`campaign:${follow.campaignId}`)!, from: "campaign" };
  if (follow.teamId && prices.has(`team:${follow.teamId}`)) return { fen: prices.get(`team:${follow.teamId}`)!, from: "team" };
  if (prices.has("account")) return { fen: prices.get("account")!, from: "account" };
  return { fen: 0, from: "none" };
}
