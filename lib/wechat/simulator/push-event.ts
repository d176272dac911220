// Pushes events to a Scenecode callback the way WeChat's servers do: signed query, CDATA XML, text/xml,
// in plain, compatible or safe (AES) mode.
import crypto from "node:crypto";
import { encryptMessage } from "../crypto/encrypt-message";
import { msgSignature } from "../crypto/message-signature";
import { wechatSignature } from "../verify-signature";
import { buildEventXml, buildPushBody, DEFAULT_TO_USER, type EventXmlInput, type PushMode } from "./build-push-body";
import { checkReplyContent } from "./check-reply-content";
import { recordSimulatorEvent, simulatorMaterials } from "./control-simulator";
import { readCheckedReply, type CallbackReply } from "./read-callback-reply";
import type { SimulatorState } from "./simulator-state";

export type { PushedEvent, PushMode } from "./build-push-body";

export type PushEventOptions = EventXmlInput & {
  callbackUrl: string;
  token: string;
  nonce?: string;
  timestamp?: string;
  /** plain (default): the XML as is; compatible: the XML plus <Encrypt>; safe: only <ToUserName> and <Encrypt>. */
  mode?: PushMode;
  /** Needed for compatible and safe mode, and to open an encrypted reply. */
  encodingAesKey?: string;
  /** The AppID encrypted into the message (defaults to simulator.appId); also names the account for simulatorUrl. */
  appId?: string;
  /** Also applies the follow/unfollow to this simulator's follower list (what user/info reports). */
  simulator?: { state: SimulatorState; appId: string };
  /** The same for a simulator in another process (`simulate --serve`), through POST /__simulator/events. */
  simulatorUrl?: string;
  /** Tests: the plaintext message to send instead of the event XML (still encrypted per mode). */
  xml?: string;
  /** Tests: the HTTP body exactly as given, instead of the one the mode builds. */
  body?: string;
  /** Tests: override the query's signature or msg_signature. */
  signature?: string;
  msgSignature?: string;
  /** Check a passive reply's addressing and CreateTime as WeChat does (To = openid, From = toUserName). */
  strictReply?: boolean;
};

export type CallbackResponse = { status: number; body: string };
export type PushEventResult = CallbackResponse & CallbackReply;

const randomNonce = () => String(crypto.randomInt(100_000_000, 2_147_483_647));
const nowSeconds = () => Math.floor(Date.now() / 1000);

function signedUrl(callbackUrl: string, token: string, extra: Record<string, string>, timestamp: string, nonce: string, signature?: string): URL {
  const url = new URL(callbackUrl);
  url.searchParams.set("signature", signature ?? wechatSignature([token, timestamp, nonce]));
  url.searchParams.set("timestamp", timestamp);
  url.searchParams.set("nonce", nonce);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return url;
}

async function recordFollow(options: PushEventOptions, appId: string | undefined, createTime: number): Promise<string | undefined> {
  const { simulator, simulatorUrl, event, openid, scene } = options;
  let ticket = simulator && scene ? simulator.state.ticketFor(simulator.appId, scene) : undefined;
  simulator?.state.recordEvent(simulator.appId, event, openid, scene, createTime);
  if (simulatorUrl) {
    if (!appId) throw new Error("pushEvent needs appId to record the event in the simulator at simulatorUrl");
    ticket = (await recordSimulatorEvent(simulatorUrl, { appId, event, openid, scene, createTime })).ticket ?? ticket;
  }
  return ticket;
}

/** POSTs one signed event to the callback URL; returns the status, the body and the passive reply, if any. */
export async function pushEvent(options: PushEventOptions): Promise<PushEventResult> {
  const { callbackUrl, token, openid, mode = "plain", encodingAesKey } = options;
  const appId = options.appId ?? options.simulator?.appId;
  if (mode !== "plain" && (!encodingAesKey || !appId)) throw new Error(`a ${mode}-mode push needs encodingAesKey and appId`);
  const createTime = options.createTime ?? nowSeconds();
  const timestamp = options.timestamp ?? String(nowSeconds());
  const nonce = options.nonce ?? randomNonce();
  const ticket = await recordFollow(options, appId, createTime);
  const xml = options.xml ?? buildEventXml({ ...options, createTime }, ticket);
  const encrypt = mode === "plain" ? undefined : encryptMessage({ message: xml, appId: appId!, encodingAesKey: encodingAesKey! });
  const query: Record<string, string> = { openid };
  if (encrypt !== undefined) {
    query.encrypt_type = "aes";
    query.msg_signature = options.msgSignature ?? msgSignature(token, timestamp, nonce, encrypt);
  } else if (options.msgSignature !== undefined) {
    query.msg_signature = options.msgSignature;
  }
  const response = await fetch(signedUrl(callbackUrl, token, query, timestamp, nonce, options.signature), {
    method: "POST",
    headers: { "content-type": "text/xml" },
    body: options.body ?? buildPushBody(mode, xml, encrypt, options.toUserName),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  const addressed = options.strictReply ? { openid, accountId: options.toUserName ?? DEFAULT_TO_USER } : undefined;
  const read = readCheckedReply(response.status, body, { mode, token, appId, encodingAesKey, addressed });
  return { status: response.status, body, ...(await checkedContent(read, options, appId)) };
}

/** With strictReply and a simulator to ask: an image reply's media_id must be the account's, a news reply well-formed. */
async function checkedContent(read: CallbackReply, options: PushEventOptions, appId: string | undefined): Promise<CallbackReply> {
  if (!options.strictReply || !read.reply || read.replyError || !appId || !/<MsgType><!\[CDATA\[(image|news)\]\]>/.test(read.reply)) return read;
  let owned: (mediaId: string) => boolean;
  if (options.simulator) owned = (mediaId) => options.simulator!.state.hasMaterial(appId, mediaId);
  else if (options.simulatorUrl) {
    const ids = new Set(await simulatorMaterials(options.simulatorUrl, appId));
    owned = (mediaId) => ids.has(mediaId);
  } else owned = () => true; // no simulator to ask: only the shape is checked
  const checked = checkReplyContent(read.reply, owned);
  return checked.ok ? read : { ...read, replyError: `WeChat would not deliver the reply (${checked.problem})` };
}

/** The console's "submit" check: a signed GET with echostr (plain in every mode); matched when the body echoes it. */
export async function verifyUrl({ callbackUrl, token }: { callbackUrl: string; token: string }): Promise<CallbackResponse & { matched: boolean }> {
  const echostr = String(crypto.randomInt(1_000_000_000, 2 ** 47));
  const response = await fetch(signedUrl(callbackUrl, token, { echostr }, String(nowSeconds()), randomNonce()), { signal: AbortSignal.timeout(10_000) });
  const body = await response.text();
  return { status: response.status, body, matched: response.ok && body === echostr };
}
