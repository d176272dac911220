// 消息转发: one verified push sent on to the operator's existing backend the way WeChat sends it, and
// the backend's passive reply read back (decrypted and checked) for Scenecode to return to WeChat.
import crypto from "node:crypto";
import { checkReplyXml } from "../wechat/check-reply-xml";
import { encryptMessage } from "../wechat/crypto/encrypt-message";
import { msgSignature } from "../wechat/crypto/message-signature";
import { openEncryptedReply } from "../wechat/crypto/open-encrypted-reply";
import { WechatCryptoError } from "../wechat/crypto/wechat-crypto-error";
import { wechatSignature } from "../wechat/verify-signature";
import { FORWARD_MAX_REPLY_CHARS, type ForwardOutcome } from "./forward-outcomes";

/** Where and how an account's pushes are forwarded; token and aesKey are the upstream's (the account's when not set apart). */
export type ForwardTarget = { url: string; token: string; aesKey: string | null; timeoutMs: number };

export type ForwardPushInput = {
  target: ForwardTarget;
  appId: string;
  /** The push's plaintext XML, as WeChat sent it (after decryption). */
  xml: string;
  openid: string;
  /** The account's gh_ id: the push's ToUserName, the reply's FromUserName. */
  ghId: string;
  /** What is left of the answer's time budget (ms); the target's own timeout applies when smaller. */
  budgetMs: number;
};

/** ok: a checked reply; empty: "success" or nothing; the others carry the problem shown in the settings. */
export type Forwarded = { outcome: ForwardOutcome; replyXml: string | null; problem?: string; ms: number };

const cdata = (value: string) => `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

/** The upstream request WeChat would send: signed with the upstream's Token, encrypted when it has a key. */
export function buildForwardRequest({ target, appId, xml, openid, ghId }: Omit<ForwardPushInput, "budgetMs">, timestamp = String(Math.floor(Date.now() / 1000))) {
  const nonce = String(crypto.randomInt(100_000_000, 2_147_483_647));
  const url = new URL(target.url);
  url.searchParams.set("signature", wechatSignature([target.token, timestamp, nonce]));
  url.searchParams.set("timestamp", timestamp);
  url.searchParams.set("nonce", nonce);
  url.searchParams.set("openid", openid);
  if (!target.aesKey) return { url, body: xml };
  const encrypt = encryptMessage({ message: xml, appId, encodingAesKey: target.aesKey });
  url.searchParams.set("encrypt_type", "aes");
  url.searchParams.set("msg_signature", msgSignature(target.token, timestamp, nonce, encrypt));
  return { url, body: `<xml><ToUserName>${cdata(ghId)}</ToUserName><Encrypt>${cdata(encrypt)}</Encrypt></xml>` };
}

/** The reply's plaintext XML, or the problem with it; null reply for "success" and an empty body. */
export function readUpstreamReply(body: string, input: Pick<ForwardPushInput, "target" | "appId" | "openid" | "ghId">): { replyXml: string | null; problem?: string } {
  const trimmed = body.trim();
  if (trimmed === "" || trimmed === "success") return { replyXml: null };
  if (trimmed.length > FORWARD_MAX_REPLY_CHARS) return { replyXml: null, problem: `the reply is longer than ${FORWARD_MAX_REPLY_CHARS} characters` };
  let replyXml = trimmed;
  if (/<Encrypt>/.test(trimmed)) {
    if (!input.target.aesKey) return { replyXml: null, problem: "an encrypted reply, but no EncodingAESKey is set for the upstream" };
    try {
      replyXml = openEncryptedReply({ body: trimmed, token: input.target.token, appId: input.appId, encodingAesKeys: [input.target.aesKey] }).replyXml;
    } catch (error) {
      if (error instanceof WechatCryptoError) return { replyXml: null, problem: `the encrypted reply is invalid: ${error.reason}` };
      throw error;
    }
  }
  const checked = checkReplyXml(replyXml, { openid: input.openid, accountId: input.ghId });
  return checked.ok ? { replyXml } : { replyXml: null, problem: checked.problem };
}

function describeFailure(error: unknown): { outcome: ForwardOutcome; problem: string } {
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") return { outcome: "timeout", problem: "no answer in time" };
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return { outcome: "error", problem: cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error) };
}

/** The body as text, or null past `limit` bytes (the stream is cancelled: nothing large is buffered). */
async function readCapped(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString("utf8");
    size += value.byteLength;
    if (size > limit) return (await reader.cancel().catch(() => {}), null);
    chunks.push(value);
  }
}

/** Forwards one push within min(budget, the target's timeout); never throws. */
export async function forwardPush(input: ForwardPushInput): Promise<Forwarded> {
  const startedAt = performance.now();
  const ms = () => Math.round(performance.now() - startedAt);
  const timeout = Math.min(input.budgetMs, input.target.timeoutMs);
  if (timeout < 50) return { outcome: "timeout", replyXml: null, problem: "no time left after storing the push", ms: 0 };
  try {
    const { url, body } = buildForwardRequest(input);
    const response = await fetch(url, { method: "POST", headers: { "content-type": "text/xml" }, body, redirect: "error", signal: AbortSignal.timeout(timeout) });
    const text = await readCapped(response, FORWARD_MAX_REPLY_CHARS);
    if (!response.ok) return { outcome: "error", replyXml: null, problem: `HTTP ${response.status}`, ms: ms() };
    if (text === null) return { outcome: "bad_reply", replyXml: null, problem: `the reply is larger than ${FORWARD_MAX_REPLY_CHARS} bytes`, ms: ms() };
    const read = readUpstreamReply(text, input);
    if (read.problem) return { outcome: "bad_reply", replyXml: null, problem: read.problem, ms: ms() };
    return { outcome: read.replyXml ? "ok" : "empty", replyXml: read.replyXml, ms: ms() };
  } catch (error) {
    return { ...describeFailure(error), replyXml: null, ms: ms() };
  }
}
