import { ZodError } from "zod";
import { db } from "../../lib/db";
import { createAccount, updateAccount } from "../../lib/accounts/save-account";
import { forwardSettingsSchema } from "../../lib/forward/forward-schema";
import { saveForwarding } from "../../lib/forward/save-forwarding";
import { readCliSecrets } from "./read-cli-secrets";

export const ACCOUNT_ADD_OPTIONS = {
  appid: { type: "string" },
  name: { type: "string" },
  mode: { type: "string" },
  timezone: { type: "string" },
  stdin: { type: "boolean" },
  // Refused with a message pointing to the environment or --stdin (see read-cli-secrets.ts).
  secret: { type: "string" },
  token: { type: "string" },
  "aes-key": { type: "string" },
  "forward-url": { type: "string" },
  "forward-timeout": { type: "string" },
  "no-forward": { type: "boolean" },
  // Refused like the flags above: the upstream's secrets come as FORWARD_TOKEN= / FORWARD_AES_KEY= lines with --stdin.
  "forward-token": { type: "string" },
  "forward-aes-key": { type: "string" },
} as const;

export const ACCOUNT_ADD_USAGE =
  "account:add --appid wx… [--stdin] [--name N] [--mode plain|compatible|safe] [--timezone Asia/Shanghai]   add or update an Official Account; " +
  "the AppSecret, Token and EncodingAESKey come from WECHAT_APP_SECRET, WECHAT_TOKEN, WECHAT_ENCODING_AES_KEY or, with --stdin, NAME=value lines; " +
  "[--forward-url URL [--forward-timeout MS]] forwards pushes to an existing backend (消息转发; its own Token and key, when they differ, as FORWARD_TOKEN= and FORWARD_AES_KEY= lines with --stdin), --no-forward stops it";

/** Adds the account, or updates it when the AppID exists (a missing secret then keeps the stored one). */
export async function accountAdd(values: Record<string, unknown>) {
  for (const flag of ["forward-token", "forward-aes-key"]) {
    if (values[flag] !== undefined) throw new Error(`--${flag}: secrets are not read from the command line, where other users can see them; pipe ${flag === "forward-token" ? "FORWARD_TOKEN" : "FORWARD_AES_KEY"}=… with --stdin`);
  }
  const secrets = await readCliSecrets(values);
  const appId = String(values.appid ?? "");
  const existing = appId ? await db().account.findUnique({ where: { appId } }) : null;
  const input = {
    name: values.name ?? existing?.name ?? appId,
    appId,
    appSecret: secrets.WECHAT_APP_SECRET ?? "",
    token: secrets.WECHAT_TOKEN ?? "",
    encodingAesKey: secrets.WECHAT_ENCODING_AES_KEY ?? "",
    mode: values.mode ?? existing?.mode ?? "plain",
    timezone: values.timezone ?? existing?.timezone ?? "Asia/Shanghai",
  };
  const forwarding = values["forward-url"] !== undefined || values["no-forward"] || secrets.FORWARD_TOKEN || secrets.FORWARD_AES_KEY;
  const forwardInput = {
    forwardUrl: values["no-forward"] ? "" : (values["forward-url"] ?? existing?.forwardUrl ?? ""),
    forwardTimeoutMs: values["forward-timeout"] ?? existing?.forwardTimeoutMs ?? undefined,
    forwardToken: secrets.FORWARD_TOKEN,
    forwardAesKey: secrets.FORWARD_AES_KEY,
  };
  try {
    if (forwarding) forwardSettingsSchema.parse(forwardInput); // a bad flag changes nothing, not even the account
    const account = existing ? await updateAccount(existing.id, input, { email: "cli" }) : await createAccount(input, { email: "cli" });
    console.log(`${existing ? "Updated" : "Added"} account ${account.name} (${account.appId}); callback path: /api/wechat/${account.appId}`);
    if (forwarding) {
      const { forwardUrl } = await saveForwarding(account.id, forwardInput, { email: "cli" });
      console.log(forwardUrl ? `Pushes are forwarded to ${forwardUrl}` : "Pushes are not forwarded");
    }
  } catch (error) {
    if (error instanceof ZodError) throw new Error(error.issues.map((i) => `${describe(String(i.path[0]))}: ${i.message}`).join("; "));
    throw error;
  }
}

const describe = (field: string) =>
  ({ appSecret: "WECHAT_APP_SECRET", token: "WECHAT_TOKEN", encodingAesKey: "WECHAT_ENCODING_AES_KEY", appId: "--appid", forwardUrl: "--forward-url", forwardTimeoutMs: "--forward-timeout", forwardToken: "FORWARD_TOKEN", forwardAesKey: "FORWARD_AES_KEY" })[field] ?? `--${field}`;
