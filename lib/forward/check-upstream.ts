// The settings page's "check upstream": WeChat's own URL check (signed GET with echostr) against the backend.
import crypto from "node:crypto";
import { db } from "../db";
import { openAccountSecrets } from "../accounts/account-secrets";
import { wechatSignature } from "../wechat/verify-signature";
import { openForwardSecrets } from "./forward-secrets";

export type UpstreamCheck = { ok: boolean; status: number | null; ms: number; problem?: string };

/** A signed GET with a fresh echostr; ok when the upstream echoes it (as WeChat's console requires). */
export async function checkUpstreamUrl(url: string, token: string, timeoutMs = 5000): Promise<UpstreamCheck> {
  const startedAt = performance.now();
  const ms = () => Math.round(performance.now() - startedAt);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(crypto.randomInt(100_000_000, 2_147_483_647));
  const echostr = String(crypto.randomInt(1_000_000_000, 2 ** 47));
  const target = new URL(url);
  for (const [k, v] of Object.entries({ signature: wechatSignature([token, timestamp, nonce]), timestamp, nonce, echostr })) target.searchParams.set(k, v);
  try {
    const response = await fetch(target, { redirect: "error", signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.text()).trim();
    if (!response.ok) return { ok: false, status: response.status, ms: ms(), problem: `HTTP ${response.status}` };
    if (body !== echostr) return { ok: false, status: response.status, ms: ms(), problem: "the answer is not the echostr (wrong Token?)" };
    return { ok: true, status: response.status, ms: ms() };
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string }; message?: string };
    const problem = e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message ?? String(error));
    return { ok: false, status: null, ms: ms(), problem };
  }
}

/** Checks the account's stored upstream with the Token forwarding signs with; null when forwarding is off. */
export async function checkAccountUpstream(accountId: string): Promise<UpstreamCheck | null> {
  const row = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { forwardUrl: true, tokenEnc: true, encodingAesKeyEnc: true, previousEncodingAesKeyEnc: true, forwardTokenEnc: true, forwardAesKeyEnc: true } });
  if (!row.forwardUrl) return null;
  const upstream = openForwardSecrets(row);
  return checkUpstreamUrl(row.forwardUrl, upstream.token ?? openAccountSecrets(row).token);
}
