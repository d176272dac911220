// Secrets for the CLI come from the environment or stdin, never argv: a command line is visible to
// every local user (ps, /proc/<pid>/cmdline) and lands in shell history.
import { env } from "../../lib/env";

export const SECRET_NAMES = ["WECHAT_APP_SECRET", "WECHAT_TOKEN", "WECHAT_ENCODING_AES_KEY"] as const;
// The upstream's secrets for 消息转发 (account:add --forward-url): from --stdin lines only.
export const STDIN_SECRET_NAMES = ["FORWARD_TOKEN", "FORWARD_AES_KEY"] as const;
type SecretName = (typeof SECRET_NAMES)[number] | (typeof STDIN_SECRET_NAMES)[number];
export type CliSecrets = Partial<Record<SecretName, string>>;

/** The flags that used to carry secrets, and where each value goes now. */
export const REMOVED_SECRET_FLAGS: Record<string, SecretName> = { secret: "WECHAT_APP_SECRET", token: "WECHAT_TOKEN", "aes-key": "WECHAT_ENCODING_AES_KEY" };

/** Parses NAME=value lines (blank lines and # comments ignored); unknown names are an error, not a silent skip. */
export function parseSecretLines(text: string): CliSecrets {
  const secrets: CliSecrets = {};
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const match = /^([A-Z_]+)=(.*)$/.exec(line);
    if (!match || ![...SECRET_NAMES, ...STDIN_SECRET_NAMES].includes(match[1] as SecretName)) {
      throw new Error(`stdin line ${i + 1}: expected ${[...SECRET_NAMES, ...STDIN_SECRET_NAMES].join("=…, ")}=…`);
    }
    secrets[match[1] as SecretName] = match[2].trim();
  }
  return secrets;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The account secrets: from the WECHAT_* environment variables, overridden by stdin's NAME=value
 * lines with --stdin. Refuses the old argv flags with a message saying what to do instead.
 */
export async function readCliSecrets(values: Record<string, unknown>): Promise<CliSecrets> {
  const removed = Object.keys(REMOVED_SECRET_FLAGS).filter((flag) => values[flag] !== undefined);
  if (removed.length) {
    const names = removed.map((flag) => `--${flag} → ${REMOVED_SECRET_FLAGS[flag]}`).join(", ");
    throw new Error(`secrets are no longer read from the command line, where other users can see them (${names}); set them in the environment or pipe NAME=value lines with --stdin`);
  }
  const config = env();
  const fromEnv: CliSecrets = Object.fromEntries(SECRET_NAMES.filter((n) => config[n]).map((n) => [n, config[n]!]));
  return values.stdin ? { ...fromEnv, ...parseSecretLines(await readStdin()) } : fromEnv;
}
