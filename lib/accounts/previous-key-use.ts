import { db } from "../db";
import { log } from "../log/logger";

// When a push last came encrypted with the previous EncodingAESKey, so the settings page can tell the
// operator when removing it is safe. Kept in Setting (one row per account) and written at most once a
// minute per account and process, never awaited by the callback: pushes with the current key write nothing.
const WRITE_EVERY_MS = 60_000;
const keyOf = (accountId: string) => `aeskey.previous-used:${accountId}`;

const globalForUse = globalThis as unknown as { scenecodePreviousKeyUse?: Map<string, number> };
const written = (globalForUse.scenecodePreviousKeyUse ??= new Map());

/** Notes a push decrypted with the previous key; returns the write when one is made (tests await it). */
export function notePreviousKeyUse(accountId: string, now = Date.now()): Promise<void> | null {
  const last = written.get(accountId);
  if (last !== undefined && now - last < WRITE_EVERY_MS) return null;
  written.set(accountId, now);
  const value = new Date(now).toISOString();
  return db()
    .setting.upsert({ where: { key: keyOf(accountId) }, create: { key: keyOf(accountId), value }, update: { value } })
    .then(
      () => undefined,
      (error) => {
        written.delete(accountId); // try again with the next such push
        log().warn({ accountId, err: error }, "wechat callback: could not note the previous key's use");
      },
    );
}

/** When the previous key was last seen, to the minute; null when never since it became the previous key. */
export async function previousKeyLastUsed(accountId: string): Promise<Date | null> {
  const row = await db().setting.findUnique({ where: { key: keyOf(accountId) }, select: { value: true } });
  return row ? new Date(row.value) : null;
}

type SettingClient = { setting: { deleteMany(args: { where: { key: string } }): Promise<unknown> } };

/** A new previous key (rotation) or none (removal): what was noted of the old one no longer applies. */
export async function forgetPreviousKeyUse(tx: SettingClient, accountId: string) {
  written.delete(accountId);
  await tx.setting.deleteMany({ where: { key: keyOf(accountId) } });
}
