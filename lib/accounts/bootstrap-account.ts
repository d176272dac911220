import { db } from "../db";
import { env } from "../env";
import { AppIdTakenError, createAccount, updateAccount } from "./save-account";

/**
 * Creates or updates the account named by WECHAT_APP_ID from the WECHAT_* variables, so an
 * operator can configure one account without the UI. Returns what it did, or null when unset.
 */
export async function bootstrapAccountFromEnv(): Promise<"created" | "updated" | null> {
  const { WECHAT_APP_ID: appId, WECHAT_APP_SECRET: appSecret, WECHAT_TOKEN: token, WECHAT_ENCODING_AES_KEY: encodingAesKey } = env();
  if (!appId) return null;
  if (!appSecret || !token) throw new Error("WECHAT_APP_ID is set: set WECHAT_APP_SECRET and WECHAT_TOKEN too");
  const existing = await db().account.findUnique({ where: { appId } });
  const input = {
    name: existing?.name ?? appId,
    appId,
    appSecret,
    token,
    encodingAesKey: encodingAesKey ?? "", // on update, blank keeps the stored key
    mode: existing?.mode ?? (encodingAesKey ? "compatible" : "plain"),
    timezone: existing?.timezone,
  };
  const actor = { email: "env" };
  if (existing) {
    await updateAccount(existing.id, input, actor);
    return "updated";
  }
  try {
    await createAccount(input, actor);
    return "created";
  } catch (error) {
    // Another instance starting at the same moment created it first: ours becomes an update.
    if (!(error instanceof AppIdTakenError)) throw error;
    return bootstrapAccountFromEnv();
  }
}
