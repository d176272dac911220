import { writeAudit } from "../audit/write-audit";
import { authSecret } from "../auth/auth-secret";
import { sealSecret } from "../crypto/secret-box";
import { db, isUniqueViolation } from "../db";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { createAccountSchema, updateAccountSchema } from "./account-schema";

export class AppIdTakenError extends Error {
  constructor(appId: string) {
    super(`An account with AppID ${appId} already exists`);
  }
}

type Actor = { email: string; id?: string | null };

export async function createAccount(input: unknown, actor: Actor) {
  forgetCallbackCaches(); // an unknown AppID may be cached as such
  const { appSecret, ...data } = createAccountSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const account = await tx.account.create({ data: { ...data, appSecretEnc: sealSecret(appSecret, authSecret()) } });
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "account.create", targetType: "account", targetId: account.id, detail: { appId: account.appId } });
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppIdTakenError(data.appId);
    throw error;
  }
}

/** Updates an account. A changed AppID or AppSecret drops the stored access token; a new AES key keeps the old one as previous. */
export async function updateAccount(id: string, input: unknown, actor: Actor) {
  const { appSecret, ...data } = updateAccountSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.account.findUniqueOrThrow({ where: { id } });
      const rotatedKey = before.encodingAesKey && data.encodingAesKey !== before.encodingAesKey ? before.encodingAesKey : before.previousEncodingAesKey;
      const account = await tx.account.update({
        where: { id },
        data: {
          ...data,
          previousEncodingAesKey: rotatedKey,
          ...(appSecret ? { appSecretEnc: sealSecret(appSecret, authSecret()) } : {}),
        },
      });
      if (appSecret || data.appId !== before.appId) await tx.accessToken.deleteMany({ where: { accountId: id } });
      const changed = Object.keys(data).filter((k) => data[k as keyof typeof data] !== before[k as keyof typeof before]);
      await writeAudit(tx, {
        actor: actor.email,
        userId: actor.id,
        action: "account.update",
        targetType: "account",
        targetId: id,
        detail: { changed: appSecret ? [...changed, "appSecret"] : changed },
      });
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppIdTakenError(data.appId);
    throw error;
  } finally {
    forgetCallbackCaches(); // the callback verifies with the new Token, keys and mode at once
  }
}

/** Stops accepting the EncodingAESKey that was replaced by the last rotation. */
export async function clearPreviousAesKey(id: string, actor: Actor) {
  await db().$transaction(async (tx) => {
    await tx.account.update({ where: { id }, data: { previousEncodingAesKey: null } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "account.clear-previous-key", targetType: "account", targetId: id });
  });
  forgetCallbackCaches();
}
