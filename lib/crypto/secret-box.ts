import crypto from "node:crypto";

const VERSION = "v1";

// Derived once per master secret and purpose: HKDF on every open cost the webhook sender a
// hkdfSync per delivery (scripts/bench/profile-callback.ts --target consumers). A handful of entries:
// one master secret (two during a rotation) times a few purposes.
const derived = new Map<string, Buffer>();

function deriveKey(masterSecret: string, purpose: string): Buffer {
  const key = `${purpose}\u0000${masterSecret}`;
  let found = derived.get(key);
  if (!found) {
    if (derived.size >= 16) derived.clear();
    found = Buffer.from(crypto.hkdfSync("sha256", masterSecret, "scenecode", purpose, 32));
    derived.set(key, found);
  }
  return found;
}

/** Encrypts a secret for storage: "v1.<iv>.<tag>.<ciphertext>" (AES-256-GCM, base64url parts). */
export function sealSecret(plaintext: string, masterSecret: string, purpose = "account-secret"): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", deriveKey(masterSecret, purpose), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** Decrypts what sealSecret produced; throws if it was tampered with or sealed under another secret. */
export function openSecret(sealed: string, masterSecret: string, purpose = "account-secret"): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("Unrecognised sealed secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", deriveKey(masterSecret, purpose), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
