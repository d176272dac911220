import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { parseApiKeyInput } from "./api-key-schema";
import { generateApiKey } from "./hash-api-key";

export { apiKeySchema } from "./api-key-schema";

export type ApiKeyActor = { email: string; id?: string | null };

export class UnknownAccountError extends Error {
  constructor(accountId: string) {
    super(`No account with id ${accountId}`);
    this.name = "UnknownAccountError";
  }
}

/**
 * Issues a key bound to one account, with a scope and an optional expiry. The plaintext is returned
 * this once; only its SHA-256 is stored.
 */
export async function createApiKey(input: unknown, actor: ApiKeyActor) {
  const data = parseApiKeyInput(input);
  const { key, prefix, keyHash } = generateApiKey();
  const created = await db().$transaction(async (tx) => {
    if (!(await tx.account.findUnique({ where: { id: data.accountId }, select: { id: true } }))) throw new UnknownAccountError(data.accountId);
    const row = await tx.apiKey.create({
      data: { name: data.name, prefix, keyHash, accountId: data.accountId, scope: data.scope, expiresAt: data.expiresAt, createdById: actor.id ?? null },
      select: { id: true, name: true, prefix: true, accountId: true, scope: true, expiresAt: true },
    });
    await writeAudit(tx, {
      actor: actor.email,
      userId: actor.id,
      action: "apikey.create",
      targetType: "apikey",
      targetId: row.id,
      detail: { name: row.name, prefix, accountId: row.accountId, scope: row.scope, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return { ...created, key };
}

/** Revokes a key (idempotent: revoking twice keeps the first time). Throws P2025 for an unknown id. */
export async function revokeApiKey(id: string, actor: ApiKeyActor) {
  return db().$transaction(async (tx) => {
    const existing = await tx.apiKey.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (existing.revokedAt) return existing;
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "apikey.revoke", targetType: "apikey", targetId: id, detail: { name: revoked.name, prefix: revoked.prefix } });
    return revoked;
  });
}

/** Every key, newest first, without hashes; `expired` as of `now`. */
export async function listApiKeys(now = new Date()) {
  const keys = await db().apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      accountId: true,
      scope: true,
      expiresAt: true,
      account: { select: { name: true, appId: true } },
      createdBy: { select: { email: true, disabledAt: true } },
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
  return keys.map((key) => ({ ...key, expired: Boolean(key.expiresAt && key.expiresAt.getTime() <= now.getTime()) }));
}

export type ApiKeySummary = Awaited<ReturnType<typeof listApiKeys>>[number];
