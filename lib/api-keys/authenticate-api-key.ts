import { db } from "../db";
import type { ApiKeyScope } from "./api-key-schema";
import { bearerToken, hashApiKey, looksLikeApiKey } from "./hash-api-key";
import { log } from "../log/logger";

// lastUsedAt is a hint for operators, not an audit trail: refresh it at most this often.
const LAST_USED_RESOLUTION_MS = 60_000;

const ACCOUNT_SELECT = { id: true, name: true, appId: true, timezone: true } as const;

export type ApiKeyAuth = {
  key: { id: string; name: string; prefix: string; accountId: string; scope: ApiKeyScope };
  account: { id: string; name: string; appId: string; timezone: string };
};

/**
 * The key and account behind `Authorization: Bearer <key>`, or null when the header is missing or
 * the key is unknown, revoked or expired. A key acts with at most its creator's rights, checked on
 * every request: it stops when the creator is disabled or loses access to the key's account, and
 * is read-only while the creator is not an admin. Keys made with the CLI have no creator.
 */
export async function authenticateApiKey(request: Request, now = new Date()): Promise<ApiKeyAuth | null> {
  const token = bearerToken(request.headers.get("authorization"));
  if (!token || !looksLikeApiKey(token)) return null;
  const row = await db().apiKey.findUnique({
    where: { keyHash: hashApiKey(token) },
    select: {
      id: true, name: true, prefix: true, accountId: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true,
      account: { select: ACCOUNT_SELECT },
      createdBy: { select: { role: true, disabledAt: true, allAccounts: true, accounts: { select: { accountId: true } } } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime())) return null;
  const creator = row.createdBy;
  if (creator && (creator.disabledAt || (!creator.allAccounts && !creator.accounts.some((a) => a.accountId === row.accountId)))) return null;
  const scope: ApiKeyScope = row.scope === "read-write" && (!creator || creator.role === "admin") ? "read-write" : "read";
  await touchLastUsed(row.id, row.lastUsedAt, now);
  return { key: { id: row.id, name: row.name, prefix: row.prefix, accountId: row.accountId, scope }, account: row.account };
}

async function touchLastUsed(id: string, lastUsedAt: Date | null, now: Date) {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  try {
    // The condition repeats the check so concurrent requests on other instances write once, not N times.
    await db().apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  } catch (error) {
    log().error({ err: error }, "api key: lastUsedAt not updated");
  }
}
