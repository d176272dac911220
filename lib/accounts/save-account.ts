import { ZodError } from "zod";
import { writeAudit } from "../audit/write-audit";
import { authSecret } from "../auth/auth-secret";
import { sealSecret } from "../crypto/secret-box";
import { db, isUniqueViolation } from "../db";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { createAccountSchema, MODE_NEEDS_KEY, updateAccountSchema } from "./account-schema";
import { openAccountSecretsLeniently, sealAccountSecrets, sealAesKey, sealToken } from "./account-secrets";
import { forgetPreviousKeyUse } from "./previous-key-use";

export class AppIdTakenError extends Error {
  constructor(appId: string) {
    super(`An account with AppID ${appId} already exists`);
  }
}

type Actor = { email: string; id?: string | null };

// Answers never carry a secret, sealed or not.
const PUBLIC = { id: true, name: true, appId: true, mode: true, timezone: true, welcomeText: true } as const;
const SEALED = { tokenEnc: true, encodingAesKeyEnc: true, previousEncodingAesKeyEnc: true } as const;

export async function createAccount(input: unknown, actor: Actor) {
  forgetCallbackCaches(); // an unknown AppID may be cached as such
  const { appSecret, token, encodingAesKey, ...data } = createAccountSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const sealed = { appSecretEnc: sealSecret(appSecret, authSecret()), ...sealAccountSecrets({ token, encodingAesKey }) };
      const account = await tx.account.create({ data: { ...data, ...sealed }, select: PUBLIC });
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "account.create", targetType: "account", targetId: account.id, detail: { appId: account.appId } });
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppIdTakenError(data.appId);
    throw error;
  }
}

/**
 * Updates an account. Blank secrets keep the stored ones. A changed AppID or AppSecret drops the
 * stored access token; a new AES key keeps the old one as previous.
 */
export async function updateAccount(id: string, input: unknown, actor: Actor) {
  const { appSecret, token, encodingAesKey, clearEncodingAesKey, ...data } = updateAccountSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.account.findUniqueOrThrow({ where: { id }, select: { ...PUBLIC, ...SEALED } });
      // A secret sealed under a former auth secret counts as missing: the form asks for it again.
      const stored = openAccountSecretsLeniently(before);
      if (!token && !stored.token) throw new ZodError([{ code: "custom", input, path: ["token"], message: "secretUnreadable" }]);
      const key = clearEncodingAesKey ? null : (encodingAesKey ?? stored.encodingAesKey);
      if (data.mode !== "plain" && key === null) throw new ZodError([{ code: "custom", input, ...MODE_NEEDS_KEY }]);
      const rotated = stored.encodingAesKey !== null && key !== stored.encodingAesKey;
      const account = await tx.account.update({
        where: { id },
        data: {
          ...data,
          ...(token && token !== stored.token ? { tokenEnc: sealToken(token) } : {}),
          ...(key !== stored.encodingAesKey || stored.unreadable.includes("encodingAesKey") ? { encodingAesKeyEnc: sealAesKey(key) } : {}),
          ...(rotated ? { previousEncodingAesKeyEnc: sealAesKey(stored.encodingAesKey) } : {}),
          ...(stored.unreadable.includes("previousEncodingAesKey") && !rotated ? { previousEncodingAesKeyEnc: null } : {}),
          ...(appSecret ? { appSecretEnc: sealSecret(appSecret, authSecret()) } : {}),
        },
        select: PUBLIC,
      });
      if (appSecret || data.appId !== before.appId) await tx.accessToken.deleteMany({ where: { accountId: id } });
      if (rotated) await forgetPreviousKeyUse(tx, id);
      const changed = Object.keys(data).filter((k) => data[k as keyof typeof data] !== before[k as keyof typeof before]);
      if (appSecret) changed.push("appSecret");
      if (token && token !== stored.token) changed.push("token");
      if (key !== stored.encodingAesKey) changed.push("encodingAesKey");
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "account.update", targetType: "account", targetId: id, detail: { changed } });
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
    await tx.account.update({ where: { id }, data: { previousEncodingAesKeyEnc: null } });
    await forgetPreviousKeyUse(tx, id);
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "account.clear-previous-key", targetType: "account", targetId: id });
  });
  forgetCallbackCaches();
}
