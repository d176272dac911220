import { openAccountSecrets } from "../../accounts/account-secrets";
import { db } from "../../db";
import { TtlCache } from "./ttl-cache";
import { log } from "../../log/logger";

// What the callback needs to verify and answer a push; never the AppSecret. The sealed secrets are
// opened here, once per load (every ACCOUNT_CACHE_MS at most), never per push.
const CALLBACK_SELECT = {
  id: true,
  appId: true,
  tokenEnc: true,
  encodingAesKeyEnc: true,
  previousEncodingAesKeyEnc: true,
  mode: true,
  timezone: true,
  welcomeText: true,
} as const;

// A Token, key or mode change reaches other instances' callbacks within this time.
export const ACCOUNT_CACHE_MS = 2000;

async function load(appId: string) {
  const row = await db().account.findUnique({ where: { appId }, select: CALLBACK_SELECT });
  if (!row) return null;
  const { tokenEnc, encodingAesKeyEnc, previousEncodingAesKeyEnc, ...account } = row;
  let secrets;
  try {
    secrets = openAccountSecrets({ tokenEnc, encodingAesKeyEnc, previousEncodingAesKeyEnc });
  } catch (error) {
    log().error({ appId }, "wechat callback: the Token or EncodingAESKey cannot be decrypted (was AUTH_SECRET changed?); enter them again in the settings");
    throw error; // not cached: the next push tries again
  }
  const promoterWelcome = await db().promoter.findFirst({ where: { accountId: account.id, welcomeText: { not: null } }, select: { id: true } });
  return { ...account, ...secrets, anyPromoterWelcome: Boolean(promoterWelcome) };
}

const globalForCache = globalThis as unknown as { scenecodeAccounts?: TtlCache<Awaited<ReturnType<typeof load>>> };
const cache = (globalForCache.scenecodeAccounts ??= new TtlCache(ACCOUNT_CACHE_MS, 1000));

export type CallbackAccount = NonNullable<Awaited<ReturnType<typeof load>>>;

/** The account a callback URL names, from a cache refreshed every ACCOUNT_CACHE_MS; null when unknown. */
export function findCallbackAccount(appId: string): Promise<CallbackAccount | null> {
  if (!/^wx[0-9a-zA-Z]{16}$/.test(appId)) return Promise.resolve(null);
  return cache.get(appId, () => load(appId));
}

/** Drops cached accounts after a change in this process (settings saved, key removed, welcome text edited). */
export function forgetCallbackAccounts() {
  cache.clear();
}
