// The daily rollups of the seeded ledger, summed in memory (at most promoters × days rows).
import type { AccountCounters, PromoterCounters } from "../../lib/attribution/decide-attribution";

export const PROMOTER_COUNTERS = ["newFollowers", "refollows", "unfollows", "scans", "retained7", "qualified"] as const;
export const ACCOUNT_COUNTERS = ["newFollowers", "refollows", "organic", "unattributed", "unfollows", "scans"] as const;

type PromoterKey = (typeof PROMOTER_COUNTERS)[number];
type AccountKey = (typeof ACCOUNT_COUNTERS)[number];
export type PromoterStat = { promoterId: string; day: string } & Record<PromoterKey, number>;
export type AccountStat = { day: string } & Record<AccountKey, number>;
export type Rollups = { promoter: Map<string, PromoterStat>; account: Map<string, AccountStat> };

export const emptyRollups = (): Rollups => ({ promoter: new Map(), account: new Map() });

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function addRollup(into: Rollups, promoterId: string | null, day: string, promoter: PromoterCounters & { retained7?: number; qualified?: number }, account: AccountCounters) {
  if (promoterId && Object.keys(promoter).length) {
    const key = `${promoterId}\u0000${day}`;
    let row = into.promoter.get(key);
    if (!row) into.promoter.set(key, (row = { promoterId, day, ...zero(PROMOTER_COUNTERS) }));
    for (const [k, v] of Object.entries(promoter)) row[k as PromoterKey] += v ?? 0;
  }
  if (Object.keys(account).length) {
    let row = into.account.get(day);
    if (!row) into.account.set(day, (row = { day, ...zero(ACCOUNT_COUNTERS) }));
    for (const [k, v] of Object.entries(account)) row[k as AccountKey] += v ?? 0;
  }
}
