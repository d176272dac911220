// The Official Account's callback secrets at rest: the Token and the EncodingAESKeys are sealed like
// the AppSecret (AES-256-GCM, lib/crypto/secret-box.ts), each under its own derived key.
import { authSecret } from "../auth/auth-secret";
import { openSecret, sealSecret } from "../crypto/secret-box";

const TOKEN_PURPOSE = "account-token";
const AES_KEY_PURPOSE = "account-aes-key";
// Rows migrated from plaintext carry this marker until `npm start` seals them (upgrade-stored-secrets.ts).
export const LEGACY_PLAIN = "plain:";

export type AccountSecrets = { token: string; encodingAesKey: string | null; previousEncodingAesKey: string | null };
export type SealedAccountSecrets = { tokenEnc: string; encodingAesKeyEnc: string | null; previousEncodingAesKeyEnc: string | null };

function open(sealed: string, purpose: string, master: string): string {
  return sealed.startsWith(LEGACY_PLAIN) ? sealed.slice(LEGACY_PLAIN.length) : openSecret(sealed, master, purpose);
}

export function sealToken(token: string, master = authSecret()): string {
  return sealSecret(token, master, TOKEN_PURPOSE);
}

export function sealAesKey(key: string | null, master = authSecret()): string | null {
  return key === null ? null : sealSecret(key, master, AES_KEY_PURPOSE);
}

/** Seals all three at once (account creation, test and benchmark seeds). */
export function sealAccountSecrets(secrets: Partial<AccountSecrets> & { token: string }, master = authSecret()): SealedAccountSecrets {
  return {
    tokenEnc: sealToken(secrets.token, master),
    encodingAesKeyEnc: sealAesKey(secrets.encodingAesKey ?? null, master),
    previousEncodingAesKeyEnc: sealAesKey(secrets.previousEncodingAesKey ?? null, master),
  };
}

/** Opens what sealAccountSecrets stored; throws when a value was sealed under another auth secret. */
export function openAccountSecrets(row: SealedAccountSecrets, master = authSecret()): AccountSecrets {
  return {
    token: open(row.tokenEnc, TOKEN_PURPOSE, master),
    encodingAesKey: row.encodingAesKeyEnc === null ? null : open(row.encodingAesKeyEnc, AES_KEY_PURPOSE, master),
    previousEncodingAesKey: row.previousEncodingAesKeyEnc === null ? null : open(row.previousEncodingAesKeyEnc, AES_KEY_PURPOSE, master),
  };
}

/**
 * As openAccountSecrets, but a value that no longer opens (the auth secret was changed) comes back
 * as null and is named in `unreadable`, so an admin can still see that and enter it again.
 */
export function openAccountSecretsLeniently(row: SealedAccountSecrets, master = authSecret()): AccountSecrets & { unreadable: (keyof AccountSecrets)[] } {
  const unreadable: (keyof AccountSecrets)[] = [];
  const attempt = (name: keyof AccountSecrets, sealed: string | null, purpose: string) => {
    if (sealed === null) return null;
    try {
      return open(sealed, purpose, master);
    } catch {
      unreadable.push(name);
      return null;
    }
  };
  return {
    token: attempt("token", row.tokenEnc, TOKEN_PURPOSE) ?? "",
    encodingAesKey: attempt("encodingAesKey", row.encodingAesKeyEnc, AES_KEY_PURPOSE),
    previousEncodingAesKey: attempt("previousEncodingAesKey", row.previousEncodingAesKeyEnc, AES_KEY_PURPOSE),
    unreadable,
  };
}

/** What an admin may see of a secret: its length and, for long ones, the last four characters. */
export function maskSecret(value: string | null): { set: boolean; length: number; last4: string | null } {
  if (value === null) return { set: false, length: 0, last4: null };
  return { set: true, length: value.length, last4: value.length >= 16 ? value.slice(-4) : null };
}
