// Signed pushes as WeChat sends them: the query is signed at send time (fresh timestamp and nonce),
// the body is the simulator's event XML with a fixed ticket, so every copy of an event is identical.
import crypto from "node:crypto";
import { encryptMessage } from "../../../lib/wechat/crypto/encrypt-message";
import { msgSignature } from "../../../lib/wechat/crypto/message-signature";
import { buildEventXml, type PushedEvent } from "../../../lib/wechat/simulator/build-push-body";
import { wechatSignature } from "../../../lib/wechat/verify-signature";
import type { HttpClient, HttpResult } from "./http";

export type Target = { appId: string; token: string; encodingAesKey?: string | null };
export type EventSpec = { openid: string; createTime: number; event: PushedEvent; scene?: string };

export const nowSeconds = () => Math.floor(Date.now() / 1000);
const nonce = () => String(crypto.randomInt(100_000_000, 2_147_483_647));

export type QueryParts = { timestamp?: string; nonce?: string; signature?: string; openid?: string; extra?: Record<string, string> };

/** The callback path with a signed query; any part can be overridden to forge one. */
export function pushPath(target: Target, parts: QueryParts = {}): string {
  const timestamp = parts.timestamp ?? String(nowSeconds());
  const n = parts.nonce ?? nonce();
  const query = new URLSearchParams({ signature: parts.signature ?? wechatSignature([target.token, timestamp, n]), timestamp, nonce: n });
  if (parts.openid) query.set("openid", parts.openid);
  for (const [key, value] of Object.entries(parts.extra ?? {})) query.set(key, value);
  return `/api/wechat/${target.appId}?${query}`;
}

export const eventBody = (spec: EventSpec) =>
  buildEventXml({ event: spec.event, openid: spec.openid, scene: spec.scene, createTime: spec.createTime, toUserName: "gh_reliability00" }, `TICKET-${spec.scene ?? "none"}`);

/** POSTs a body with a freshly signed query. */
export function postSigned(http: HttpClient, target: Target, body: string | Buffer, parts: QueryParts = {}, timeoutMs = 10_000): Promise<HttpResult> {
  return http.request(pushPath(target, parts), { method: "POST", body, headers: { "content-type": "text/xml" }, timeoutMs });
}

/** One delivery of an event, signed now. */
export function deliver(http: HttpClient, target: Target, spec: EventSpec, timeoutMs = 10_000): Promise<HttpResult> {
  return postSigned(http, target, eventBody(spec), { openid: spec.openid }, timeoutMs);
}

/** A safe-mode (AES) push: body = <ToUserName> + <Encrypt>, query carries encrypt_type and msg_signature. */
export function safeModeRequest(target: Target, xml: string, timestamp = String(nowSeconds()), n = nonce()) {
  if (!target.encodingAesKey) throw new Error("safe mode needs an EncodingAESKey");
  const encrypt = encryptMessage({ message: xml, appId: target.appId, encodingAesKey: target.encodingAesKey });
  const path = pushPath(target, { timestamp, nonce: n, extra: { encrypt_type: "aes", msg_signature: msgSignature(target.token, timestamp, n, encrypt) } });
  return { path, body: `<xml><ToUserName><![CDATA[gh_reliability00]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>` };
}

export const isSuccess = (r: HttpResult) => r.status === 200 && r.body === "success";
