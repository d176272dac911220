import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureDataDir } from "../data-dir";
import { env } from "../env";

let cached: string | undefined;

/**
 * The one master secret: signs sessions (next-auth) and derives the key that encrypts
 * WeChat AppSecrets at rest. From AUTH_SECRET / NEXTAUTH_SECRET, else generated once into
 * <DATA_DIR>/auth-secret (mode 0600). Instances behind a load balancer must share it,
 * so they should set AUTH_SECRET.
 */
export function authSecret(): string {
  if (cached) return cached;
  const config = env();
  const configured = config.AUTH_SECRET ?? config.NEXTAUTH_SECRET;
  if (configured) return (cached = configured);
  const file = path.join(config.dataDir, "auth-secret");
  ensureDataDir(config.dataDir);
  try {
    // "wx": exclusive create, so two processes starting together agree on one secret.
    fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url") + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const stored = fs.readFileSync(file, "utf8").trim();
  if (stored.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it to regenerate`);
  return (cached = stored);
}
