import { ZodError } from "zod";
import { db } from "../../lib/db";
import { createAccount, updateAccount } from "../../lib/accounts/save-account";

export const ACCOUNT_ADD_OPTIONS = {
  appid: { type: "string" },
  secret: { type: "string" },
  token: { type: "string" },
  "aes-key": { type: "string" },
  name: { type: "string" },
  mode: { type: "string" },
  timezone: { type: "string" },
} as const;

export const ACCOUNT_ADD_USAGE =
  "account:add --appid wx… --secret S --token T [--aes-key K] [--name N] [--mode plain|compatible|safe] [--timezone Asia/Shanghai]   add or update an Official Account";

/** Adds the account, or updates it when the AppID exists (a blank --secret then keeps the stored one). */
export async function accountAdd(values: Record<string, unknown>) {
  const appId = String(values.appid ?? "");
  const existing = appId ? await db().account.findUnique({ where: { appId } }) : null;
  const input = {
    name: values.name ?? existing?.name ?? appId,
    appId,
    appSecret: values.secret ?? "",
    token: values.token ?? existing?.token ?? "",
    encodingAesKey: values["aes-key"] ?? existing?.encodingAesKey ?? "",
    mode: values.mode ?? existing?.mode ?? "plain",
    timezone: values.timezone ?? existing?.timezone ?? "Asia/Shanghai",
  };
  try {
    const account = existing ? await updateAccount(existing.id, input, { email: "cli" }) : await createAccount(input, { email: "cli" });
    console.log(`${existing ? "Updated" : "Added"} account ${account.name} (${account.appId}); callback path: /api/wechat/${account.appId}`);
  } catch (error) {
    if (error instanceof ZodError) throw new Error(error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; "));
    throw error;
  }
}
