// The stable access token, stored in the database so every process and instance shares one.
import { z } from "zod";
import { authSecret } from "../auth/auth-secret";
import { openSecret } from "../crypto/secret-box";
import { db } from "../db";
import { wechatRequest } from "./api-client";
import { noteTokenError } from "./note-token-error";
import { WechatApiError, WechatNetworkError } from "./wechat-error";
import { setTimeout as sleep } from "node:timers/promises";

const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
const BUSY_BACKOFF_MS = [200, 600];

const stableTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

const inFlight = new Map<string, Promise<string>>();
// WeChat unreachable (a network error, not an errcode): callers in the next few seconds get the same
// error at once instead of three database reads and another connection attempt each. During an
// outage the tagging worker's every batch asked again (profile-callback --target consumers).
const UNREACHABLE_MS = 3000;
const unreachable = new Map<string, { error: unknown; until: number }>();

async function fetchStableToken(accountId: string): Promise<string> {
  const account = await db().account.findUnique({ where: { id: accountId }, omit: { appSecretEnc: false } });
  if (!account) throw new Error(`Unknown account ${accountId}`);
  const response = await wechatRequest<unknown>("/cgi-bin/stable_token", {
    body: { grant_type: "client_credential", appid: account.appId, secret: openSecret(account.appSecretEnc, authSecret()), force_refresh: false },
  }).catch(async (error: unknown) => {
    await noteTokenError(accountId, error); // shown on the home page with what to do
    throw error;
  });
  const parsed = stableTokenSchema.safeParse(response);
  if (!parsed.success) throw new Error("WeChat's stable_token response had no access_token");
  const { access_token: token, expires_in: expiresIn } = parsed.data;
  const fetchedAt = new Date();
  const expiresAt = new Date(fetchedAt.getTime() + expiresIn * 1000);
  await db().accessToken.upsert({
    where: { accountId },
    create: { accountId, token, expiresAt, fetchedAt },
    update: { token, expiresAt, fetchedAt },
  });
  return token;
}

async function loadToken(accountId: string): Promise<string> {
  const failed = unreachable.get(accountId);
  if (failed && failed.until > Date.now()) throw failed.error;
  const stored = await db().accessToken.findUnique({ where: { accountId } });
  if (stored && stored.expiresAt.getTime() - Date.now() > REFRESH_MARGIN_MS) return stored.token;
  try {
    return await fetchStableToken(accountId);
  } catch (error) {
    if (error instanceof WechatNetworkError) unreachable.set(accountId, { error, until: Date.now() + UNREACHABLE_MS });
    throw error;
  }
}

/** The account's access token: the stored one while it has more than 5 minutes left, else a fresh stable token. */
export function getAccessToken(accountId: string): Promise<string> {
  let pending = inFlight.get(accountId);
  if (!pending) {
    pending = loadToken(accountId).finally(() => inFlight.delete(accountId));
    inFlight.set(accountId, pending);
  }
  return pending;
}

/** Forgets the stored token, but only if it is still the one that failed: another instance may have refreshed it. */
export async function invalidateAccessToken(accountId: string, failedToken: string): Promise<void> {
  await db().accessToken.deleteMany({ where: { accountId, token: failedToken } });
}


/**
 * Runs fn with the account's token. A token error (40001/40014/42001) refreshes the token and retries once;
 * "system busy" (-1) is retried twice more after 200 ms and 600 ms.
 */
export async function withAccessToken<T>(accountId: string, fn: (token: string) => Promise<T>): Promise<T> {
  let failedToken: string | undefined;
  let busyRetries = 0;
  for (;;) {
    let token: string | undefined;
    try {
      token = await getAccessToken(accountId);
      // A load that started before the invalidation may still hand back the failed token.
      if (token === failedToken) token = await getAccessToken(accountId);
      return await fn(token);
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      if (token !== undefined && TOKEN_ERRORS.has(error.errcode) && failedToken === undefined) {
        failedToken = token;
        await invalidateAccessToken(accountId, token);
        continue;
      }
      if (error.errcode === -1 && busyRetries < BUSY_BACKOFF_MS.length) {
        await sleep(BUSY_BACKOFF_MS[busyRetries++]);
        continue;
      }
      throw error;
    }
  }
}
