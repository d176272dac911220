import { ZodError } from "zod";
import { db } from "../../lib/db";
import { createAccount, updateAccount } from "../../lib/accounts/save-account";
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
} as const;

export const ACCOUNT_ADD_USAGE =
  "account:add --appid wx… [--stdin] [--name N] [--mode plain|compatible|safe] [--timezone Asia/Shanghai]   add or update an Official Account; " +
  "the AppSecret, Token and EncodingAESKey come from WECHAT_APP_SECRET, WECHAT_TOKEN, WECHAT_ENCODING_AES_KEY or, with --stdin, NAME=value lines";

/** Adds the account, or updates it when the AppID exists (a missing secret then keeps the stored one). */
export async function accountAdd(values: Record<string, unknown>) {
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
  try {
    const account = existing ? await updateAccount(existing.id, input, { email: "cli" }) : await createAccount(input, { email: "cli" });
    console.log(`${existing ? "Updated" : "Added"} account ${account.name} (${account.appId}); callback path: /api/wechat/${account.appId}`);
  } catch (error) {
    if (error instanceof ZodError) throw new Error(error.issues.map((i) => `${describe(String(i.path[0]))}: ${i.message}`).join("; "));
    throw error;
  }
}

const describe = (field: string) =>
  ({ appSecret: "WECHAT_APP_SECRET", token: "WECHAT_TOKEN", encodingAesKey: "WECHAT_ENCODING_AES_KEY", appId: "--appid" })[field] ?? `--${field}`;
