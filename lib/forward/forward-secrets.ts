// The upstream's own Token and EncodingAESKey at rest, sealed like the account's (lib/crypto/secret-box.ts).
import { authSecret } from "../auth/auth-secret";
import { openSecret, sealSecret } from "../crypto/secret-box";

const TOKEN_PURPOSE = "forward-token";
const AES_KEY_PURPOSE = "forward-aes-key";

export const sealForwardToken = (token: string | null, master = authSecret()) => (token === null ? null : sealSecret(token, master, TOKEN_PURPOSE));
export const sealForwardAesKey = (key: string | null, master = authSecret()) => (key === null ? null : sealSecret(key, master, AES_KEY_PURPOSE));

export type SealedForwardSecrets = { forwardTokenEnc: string | null; forwardAesKeyEnc: string | null };

/** Opens the upstream's secrets; throws when they were sealed under another auth secret. */
export function openForwardSecrets(row: SealedForwardSecrets, master = authSecret()): { token: string | null; aesKey: string | null } {
  return {
    token: row.forwardTokenEnc === null ? null : openSecret(row.forwardTokenEnc, master, TOKEN_PURPOSE),
    aesKey: row.forwardAesKeyEnc === null ? null : openSecret(row.forwardAesKeyEnc, master, AES_KEY_PURPOSE),
  };
}

/** As openForwardSecrets, but an unreadable value comes back as null (the settings ask for it again). */
export function openForwardSecretsLeniently(row: SealedForwardSecrets, master = authSecret()) {
  const attempt = (sealed: string | null, purpose: string) => {
    try {
      return sealed === null ? null : openSecret(sealed, master, purpose);
    } catch {
      return null;
    }
  };
  return { token: attempt(row.forwardTokenEnc, TOKEN_PURPOSE), aesKey: attempt(row.forwardAesKeyEnc, AES_KEY_PURPOSE) };
}
