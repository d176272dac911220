import type { Tx } from "../db";
import { throttleKeys } from "./throttle";

/** Forgets every login counter of one email (its ceiling and each client's), e.g. after a reset. */
export async function clearEmailAttempts(db: Tx, email: string): Promise<number> {
  const keys = throttleKeys(email, { ip: null });
  const pairPrefix = keys.pair.slice(0, keys.pair.indexOf("|") + 1);
  const { count } = await db.loginThrottle.deleteMany({ where: { OR: [{ key: keys.email }, { key: { startsWith: pairPrefix } }] } });
  return count;
}
