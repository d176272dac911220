// GET/POST /api/wechat/[appId] – WeChat's server URL check and event pushes for one account
import type { NextRequest } from "next/server";
import type { RefusalReason } from "@/lib/health/callback-kinds";
import { recordAccepted, recordFailure, recordRefusal } from "@/lib/health/record-callback";
import { badRequest, errorResponse, payloadTooLarge, unauthorized } from "@/lib/http";
import { cachedCallbackAccount, findCallbackAccount, type CallbackAccount } from "@/lib/ingest/receive/account-cache";
import { PushRefusedError } from "@/lib/ingest/receive/open-push";
import { receivePush, type PushAbout } from "@/lib/ingest/receive/receive-push";
import { DeadlineError, withDeadline } from "@/lib/ingest/receive/with-deadline";
import { InvalidEncodingError, PayloadTooLargeError, readLimitedBody } from "@/lib/read-limited-body";
import { answerUrlCheck } from "@/lib/wechat/answer-url-check";
import { WechatCryptoError } from "@/lib/wechat/crypto/wechat-crypto-error";
import { WechatXmlError } from "@/lib/wechat/parse-message";
import { isFreshTimestamp, verifySignature } from "@/lib/wechat/verify-signature";
import { requestLog } from "@/lib/log/request-id";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;
// WeChat gives up after 5 s; a push not committed by then gets a non-success answer so it is retried.
const PUSH_DEADLINE_MS = 4000;
type Context = { params: Promise<{ appId: string }> };

// Plain answers keep the runtime's default type (text/plain;charset=UTF-8): no Headers to build per push.
const reply = (body: string, status = 200) =>
  body.startsWith("<xml>") ? new Response(body, { status, headers: { "content-type": "application/xml; charset=utf-8" } }) : new Response(body, { status });

// An unknown AppID is checked against a token nobody has and answered exactly like a bad signature:
// the callback does not tell which AppIDs are connected.
const NO_ACCOUNT_TOKEN = crypto.randomUUID();
// Every refusal is counted for the home page's callback health card (lib/health: in memory, no write).
const refuse = (accountId: string | null, reason: RefusalReason, message: string) => (recordRefusal(accountId, reason), { ok: false as const, error: unauthorized(message) });

function authorize(request: Request, account: CallbackAccount | null) {
  // Next has parsed the URL already (NextRequest.nextUrl); a plain Request (tests) is parsed here.
  const query = (request as Partial<NextRequest>).nextUrl?.searchParams ?? new URL(request.url).searchParams;
  const timestamp = query.get("timestamp") ?? "";
  const signed = verifySignature({ token: account?.token ?? NO_ACCOUNT_TOKEN, timestamp, nonce: query.get("nonce"), signature: query.get("signature") });
  if (!signed || !account) return refuse(account?.id ?? null, account ? "bad_signature" : "unknown_app_id", "Bad signature");
  if (!isFreshTimestamp(timestamp)) return refuse(account.id, "stale_timestamp", "Stale or future timestamp");
  return { ok: true as const, account, query };
}

// The account comes from the cache without a promise when it is fresh there (every push but one
// every ACCOUNT_CACHE_MS); the AppID from the URL Next matched.
async function accountOf(context: Context) {
  const { appId } = await context.params;
  return (cachedCallbackAccount(appId) ?? { value: await findCallbackAccount(appId) }).value;
}

export async function GET(request: Request, context: Context) {
  const checked = authorize(request, await accountOf(context));
  if (!checked.ok) return checked.error;
  return answerUrlCheck(checked.query.get("echostr"));
}

export async function POST(request: Request, context: Context) {
  const startedAt = performance.now();
  const checked = authorize(request, await accountOf(context));
  if (!checked.ok) return checked.error;
  const about: PushAbout = {}; // the openid and event, once read: on the log lines of a push that failed
  try {
    const xml = await readLimitedBody(request, MAX_BODY_BYTES);
    const received = receivePush(checked.account, checked.query, xml, about, startedAt); // no promise for a retry's copy
    const { answer } = received instanceof Promise ? await withDeadline(received, PUSH_DEADLINE_MS) : received;
    recordAccepted(checked.account.id, startedAt);
    return reply(answer); // only after the raw event is committed
  } catch (error) {
    recordFailure(checked.account.id, error);
    if (error instanceof PayloadTooLargeError) return payloadTooLarge(`Body over ${MAX_BODY_BYTES} bytes`);
    if (error instanceof InvalidEncodingError) return badRequest(error.message);
    if (error instanceof DeadlineError) {
      requestLog(request, { appId: checked.account.appId, ...about }).warn(`wechat callback: event not committed within ${PUSH_DEADLINE_MS} ms; asking WeChat to retry`);
      return reply("error", 503);
    }
    if (error instanceof PushRefusedError) return errorResponse(error.status, error.status === 401 ? "unauthorized" : "bad_request", error.message);
    if (error instanceof WechatXmlError) return badRequest(error.message);
    if (error instanceof WechatCryptoError) {
      // The reason (padding, length, AppID) helps the operator, not a prober: it stays in the log.
      requestLog(request, { appId: checked.account.appId, reason: error.reason }).warn("wechat callback: could not decrypt a push");
      return badRequest("Could not decrypt the message");
    }
    requestLog(request, { appId: checked.account.appId, ...about, err: error }).error("wechat callback: event not stored; asking WeChat to retry");
    return reply("error", 503); // not "success": WeChat retries
  }
}
