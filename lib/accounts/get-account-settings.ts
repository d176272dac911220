import "server-only";
import { can } from "../auth/roles";
import { db } from "../db";
import { maskSecret, openAccountSecretsLeniently } from "./account-secrets";
import { previousKeyLastUsed } from "./previous-key-use";

export type SecretMask = ReturnType<typeof maskSecret>;

/**
 * What the settings page may show of an account. Secrets never leave the server: admins get masks
 * (set or not, length, last four characters of a key) to recognise what is stored and replace it;
 * viewers get nothing about them, not even whether a previous key is still accepted.
 */
export async function getAccountSettings(accountId: string, role: string) {
  const row = await db().account.findUniqueOrThrow({
    where: { id: accountId },
    select: { id: true, name: true, appId: true, mode: true, timezone: true, welcomeText: true, tokenEnc: true, encodingAesKeyEnc: true, previousEncodingAesKeyEnc: true },
  });
  const { tokenEnc, encodingAesKeyEnc, previousEncodingAesKeyEnc, ...account } = row;
  if (!can(role, "write")) return { ...account, secrets: null };
  const open = openAccountSecretsLeniently({ tokenEnc, encodingAesKeyEnc, previousEncodingAesKeyEnc });
  const previousKeyUsedAt = open.previousEncodingAesKey ? await previousKeyLastUsed(accountId) : null;
  return {
    ...account,
    secrets: {
      // Sealed under another auth secret: shown as missing, so the admin enters them again.
      unreadable: open.unreadable,
      token: maskSecret(open.token || null),
      encodingAesKey: maskSecret(open.encodingAesKey),
      previousEncodingAesKey: maskSecret(open.previousEncodingAesKey),
      /** When a push last came with the previous key (so the admin knows when removing it is safe). */
      previousKeyUsedAt,
    },
  };
}

export type AccountSettings = Awaited<ReturnType<typeof getAccountSettings>>;
