import { db } from "../db";
import { bearerToken, hashApiKey, looksLikeApiKey } from "./hash-api-key";

// lastUsedAt is a hint for operators, not an audit trail: refresh it at most this often.
const LAST_USED_RESOLUTION_MS = 60_000;

const ACCOUNT_SELECT = { id: true, name: true, appId: true, timezone: true } as const;

export type ApiKeyAuth = {
  key: { id: string; name: string; prefix: string; accountId: string | null };
  account: { id: string; name: string; appId: string; timezone: string };
};

/** A valid key with nothing to act on: it is unbound and no Official Account is connected yet. */
export class NoAccountError extends Error {
  constructor() {
    super("No WeChat Official Account is connected yet; add one in the dashboard first");
    this.name = "NoAccountError";
  }
}

/**
 * The key and account behind `Authorization: Bearer <key>`, or null when the header is missing or
 * the key is unknown or revoked. Throws NoAccountError when the key is fine but has no account,
 * so the caller can answer 409 instead of a misleading 401.
 */
export async function authenticateApiKey(request: Request): Promise<ApiKeyAuth | null> {
  const token = bearerToken(request.headers.get("authorization"));
  if (!token || !looksLikeApiKey(token)) return null;
  const row = await db().apiKey.findUnique({
    where: { keyHash: hashApiKey(token) },
    select: { id: true, name: true, prefix: true, accountId: true, revokedAt: true, lastUsedAt: true, account: { select: ACCOUNT_SELECT } },
  });
  if (!row || row.revokedAt) return null;
  const account =
    row.account ?? (await db().account.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: ACCOUNT_SELECT }));
  if (!account) throw new NoAccountError();
  await touchLastUsed(row.id, row.lastUsedAt);
  return { key: { id: row.id, name: row.name, prefix: row.prefix, accountId: row.accountId }, account };
}

async function touchLastUsed(id: string, lastUsedAt: Date | null) {
  const now = Date.now();
  if (lastUsedAt && now - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  const stale = new Date(now - LAST_USED_RESOLUTION_MS);
  try {
    // The condition repeats the check so concurrent requests on other instances write once, not N times.
    await db().apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: new Date(now) },
    });
  } catch (error) {
    console.error("api key: lastUsedAt not updated", error);
  }
}
