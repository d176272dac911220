// The one-time setup code: whoever first reaches a fresh instance must also have read `npm start`'s
// output (or set SETUP_CODE) to become its admin. Stored in the database, so it survives restarts
// and is shared by every instance, until setup is done; createFirstAdmin deletes it.
import crypto from "node:crypto";
import { db, isUniqueViolation, type Tx } from "../db";

export const SETUP_CODE_KEY = "setup.code";
// No 0/O, 1/I/L: the code is read off a terminal and typed in. 12 characters ≈ 60 bits.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function generateSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/** Case, spaces and dashes do not matter when the code is typed in. */
export function normalizeSetupCode(code: string): string {
  return code.replace(/[\s-]+/g, "").toUpperCase();
}

/**
 * The stored setup code, created when there is none; `preset` (SETUP_CODE, for automation) replaces
 * it. Concurrent callers (several instances starting) agree on one code.
 */
export async function ensureSetupCode(preset?: string): Promise<string> {
  const settings = db().setting;
  if (preset) {
    await settings.upsert({ where: { key: SETUP_CODE_KEY }, create: { key: SETUP_CODE_KEY, value: preset }, update: { value: preset } });
    return preset;
  }
  const existing = await settings.findUnique({ where: { key: SETUP_CODE_KEY } });
  if (existing) return existing.value;
  try {
    return (await settings.create({ data: { key: SETUP_CODE_KEY, value: generateSetupCode() } })).value;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await settings.findUniqueOrThrow({ where: { key: SETUP_CODE_KEY } })).value;
  }
}

/** True when `given` is the stored code, compared in constant time (digests of equal length); false when none is stored. */
export async function checkSetupCode(given: string): Promise<boolean> {
  const stored = await db().setting.findUnique({ where: { key: SETUP_CODE_KEY } });
  const digest = (v: string) => crypto.createHash("sha256").update(normalizeSetupCode(v)).digest();
  const match = crypto.timingSafeEqual(digest(given), digest(stored?.value ?? crypto.randomUUID()));
  return Boolean(stored) && normalizeSetupCode(given) !== "" && match;
}

/** Setup is done: the code must never work again. */
export async function consumeSetupCode(tx: Tx) {
  await tx.setting.deleteMany({ where: { key: SETUP_CODE_KEY } });
}
