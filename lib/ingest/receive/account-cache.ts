import { openAccountSecrets } from "../../accounts/account-secrets";
import { db } from "../../db";
import type { ForwardTarget } from "../../forward/forward-push";
import { FORWARD_TIMEOUT } from "../../forward/forward-schema";
import { openForwardSecrets } from "../../forward/forward-secrets";
import { FOLLOW_REPLY_SELECT, type FollowReplySpec } from "../../follow-replies/follow-reply-schema";
import type { ReplyRule } from "../../replies/match-reply-rule";
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
  forwardUrl: true,
  forwardTokenEnc: true,
  forwardAesKeyEnc: true,
  forwardTimeoutMs: true,
} as const;

const ENROL_SELECT = { enrolKeyword: true, statsKeyword: true, autoApprove: true, autoApproveDailyLimit: true, receivedText: true, linkOrigin: true } as const;

const RULE_SELECT = { trigger: true, keyword: true, kind: true, content: true, mediaId: true, title: true, description: true, picUrl: true, url: true } as const;

// A Token, key or mode change reaches other instances' callbacks within this time and one reload (the
// pushes during that reload are still checked with what was loaded before).
export const ACCOUNT_CACHE_MS = 2000;

async function load(appId: string) {
  const row = await db().account.findUnique({ where: { appId }, select: CALLBACK_SELECT });
  if (!row) return null;
  const { tokenEnc, encodingAesKeyEnc, previousEncodingAesKeyEnc, forwardUrl, forwardTokenEnc, forwardAesKeyEnc, forwardTimeoutMs, ...account } = row;
  let secrets;
  let forward: ForwardTarget | null = null;
  try {
    secrets = openAccountSecrets({ tokenEnc, encodingAesKeyEnc, previousEncodingAesKeyEnc });
    if (forwardUrl) {
      const upstream = openForwardSecrets({ forwardTokenEnc, forwardAesKeyEnc });
      // Not set apart: the upstream was this account's server before, with the same Token and key.
      const aesKey = upstream.aesKey ?? (account.mode !== "plain" ? secrets.encodingAesKey : null);
      forward = { url: forwardUrl, token: upstream.token ?? secrets.token, aesKey, timeoutMs: forwardTimeoutMs ?? FORWARD_TIMEOUT.default };
    }
  } catch (error) {
    log().error({ appId }, "wechat callback: the Token or EncodingAESKey cannot be decrypted (was AUTH_SECRET changed?); enter them again in the settings");
    throw error; // not cached: the next push tries again
  }
  const [promoterWelcome, scopedReply, accountReply, replyRules, enrolSetting] = await Promise.all([
    db().promoter.findFirst({ where: { accountId: account.id, welcomeText: { not: null } }, select: { id: true } }),
    db().followReply.findFirst({ where: { accountId: account.id, scope: { not: "account" } }, select: { id: true } }),
    db().followReply.findUnique({ where: { accountId_scope_scopeId: { accountId: account.id, scope: "account", scopeId: account.id } }, select: FOLLOW_REPLY_SELECT }),
    db().replyRule.findMany({ where: { accountId: account.id }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: RULE_SELECT }),
    db().enrolSetting.findUnique({ where: { accountId: account.id }, select: ENROL_SELECT }),
  ]);
  const rules: ReplyRule[] = replyRules;
  const reply: FollowReplySpec | null = accountReply;
  // 推广 / 我的数据 (lib/enrol): null when both keywords are off, so text messages keep the fast "success".
  const enrol = enrolSetting && (enrolSetting.enrolKeyword || enrolSetting.statsKeyword) ? enrolSetting : null;
  // anyScopedWelcome: accounts with no reply at all skip the follow reply entirely (the benchmark's case).
  return { ...account, ...secrets, accountReply: reply, anyScopedWelcome: Boolean(promoterWelcome || scopedReply), forward, replyRules: rules, enrol };
}

const globalForCache = globalThis as unknown as { scenecodeAccounts?: TtlCache<Awaited<ReturnType<typeof load>>> };
const cache = (globalForCache.scenecodeAccounts ??= new TtlCache(ACCOUNT_CACHE_MS, 1000));

export type CallbackAccount = NonNullable<Awaited<ReturnType<typeof load>>>;

/** The account a callback URL names, from a cache refreshed every ACCOUNT_CACHE_MS; null when unknown. */
export function findCallbackAccount(appId: string): Promise<CallbackAccount | null> {
  if (!/^wx[0-9a-zA-Z]{16}$/.test(appId)) return Promise.resolve(null);
  return cache.get(appId, () => load(appId));
}

/**
 * The account from the cache without a promise (the hot path): fresh, or a moment old while it is
 * reloaded in the background; undefined when it must be loaded (findCallbackAccount).
 */
export function cachedCallbackAccount(appId: string): { value: CallbackAccount | null } | undefined {
  return cache.peek(appId, () => load(appId));
}

/** Drops cached accounts after a change in this process (settings saved, key removed, welcome text edited). */
export function forgetCallbackAccounts() {
  cache.clear();
}
