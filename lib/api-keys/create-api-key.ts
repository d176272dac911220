import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { generateApiKey } from "./hash-api-key";

// Messages are dictionary keys, like the other form schemas; the CLI maps them to English.
export const apiKeySchema = z.object({
  name: z.string().trim().min(1, "nameRequired").max(60, "nameLong"),
  accountId: z.string().trim().min(1).nullable().optional(),
});

export type ApiKeyActor = { email: string; id?: string | null };

export class UnknownAccountError extends Error {
  constructor(accountId: string) {
    super(`No account with id ${accountId}`);
    this.name = "UnknownAccountError";
  }
}

/**
 * Issues a key, bound to one account or (accountId null) to the first account. The plaintext is
 * returned this once; only its SHA-256 is stored.
 */
export async function createApiKey(input: unknown, actor: ApiKeyActor) {
  const data = apiKeySchema.parse(input);
  const accountId = data.accountId ?? null;
  const { key, prefix, keyHash } = generateApiKey();
  const created = await db().$transaction(async (tx) => {
    if (accountId && !(await tx.account.findUnique({ where: { id: accountId }, select: { id: true } }))) {
      throw new UnknownAccountError(accountId);
    }
    const row = await tx.apiKey.create({
      data: { name: data.name, prefix, keyHash, accountId, createdById: actor.id ?? null },
      select: { id: true, name: true, prefix: true, accountId: true },
    });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "apikey.create", targetType: "apikey", targetId: row.id, detail: { name: row.name, prefix, accountId } });
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

/** Every key, newest first, without hashes. */
export function listApiKeys() {
  return db().apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      accountId: true,
      account: { select: { name: true, appId: true } },
      createdBy: { select: { email: true } },
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
}

export type ApiKeySummary = Awaited<ReturnType<typeof listApiKeys>>[number];
