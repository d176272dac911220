// Pushes the callback acknowledges without storing (messages, menu clicks, job reports…), counted by
// type per account in this process's memory for the health card: no database write, and no allocation
// per push beyond the first of each type (the type is the push's own Event or MsgType string).
const MAX_TYPES_PER_ACCOUNT = 100; // WeChat documents a few dozen; anything past this is counted as "other"

const globalForCounts = globalThis as unknown as { scenecodeUntrackedPushes?: Map<string, Map<string, number>> };
const counts = (globalForCounts.scenecodeUntrackedPushes ??= new Map());

/** Counts one acknowledged, unstored push: an event by its Event, a message by its MsgType. */
export function countUntrackedPush(accountId: string, msgType: string, event: string | undefined) {
  let types = counts.get(accountId);
  if (!types) counts.set(accountId, (types = new Map()));
  const type = msgType === "event" ? (event ?? "event") : msgType;
  const n = types.get(type);
  if (n !== undefined) types.set(type, n + 1);
  else if (types.size < MAX_TYPES_PER_ACCOUNT) types.set(type, 1);
  else types.set("other", (types.get("other") ?? 0) + 1);
}

/** The counts since this process started, by type, most frequent first. */
export function untrackedPushCounts(accountId: string): [type: string, count: number][] {
  return [...(counts.get(accountId) ?? [])].sort((a, b) => b[1] - a[1]);
}
