// Builds signed WeChat pushes for tests, exactly as WeChat's servers send them.
import { encryptMessage } from "@/lib/wechat/crypto/encrypt-message";
import { msgSignature } from "@/lib/wechat/crypto/message-signature";
import { wechatSignature } from "@/lib/wechat/verify-signature";

export type PushSpec = {
  appId: string;
  token: string;
  openid: string;
  event: "subscribe" | "unsubscribe" | "SCAN";
  eventKey?: string;
  createTime?: number;
  timestamp?: number;
  nonce?: string;
  signature?: string;
};

export function eventXml({ openid, event, eventKey = "", createTime = Math.floor(Date.now() / 1000) }: Omit<PushSpec, "appId" | "token">) {
  return (
    `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event>` +
    `<EventKey><![CDATA[${eventKey}]]></EventKey></xml>`
  );
}

export function signedUrl(appId: string, token: string, extra: Record<string, string> = {}, timestamp = Math.floor(Date.now() / 1000), nonce = String(Math.random()).slice(2, 12)) {
  const query = new URLSearchParams({ signature: wechatSignature([token, String(timestamp), nonce]), timestamp: String(timestamp), nonce, ...extra });
  return `http://127.0.0.1/api/wechat/${appId}?${query}`;
}

export function pushRequest(spec: PushSpec, body = eventXml(spec)): Request {
  const url = new URL(signedUrl(spec.appId, spec.token, { openid: spec.openid }, spec.timestamp, spec.nonce));
  if (spec.signature) url.searchParams.set("signature", spec.signature);
  return new Request(url, { method: "POST", body, headers: { "content-type": "text/xml" } });
}

export type EncryptedSpec = PushSpec & { encodingAesKey: string; mode: "compatible" | "safe"; msgSignature?: string; encrypt?: string };

/** A push as WeChat sends it in compatible mode (plain fields + Encrypt) or safe mode (Encrypt only). */
export function encryptedPushRequest(spec: EncryptedSpec, plainXml = eventXml(spec)): Request {
  const timestamp = spec.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = spec.nonce ?? String(Math.random()).slice(2, 12);
  const encrypt = spec.encrypt ?? encryptMessage({ message: plainXml, appId: spec.appId, encodingAesKey: spec.encodingAesKey });
  const signature = msgSignature(spec.token, String(timestamp), nonce, encrypt);
  const url = new URL(signedUrl(spec.appId, spec.token, { openid: spec.openid, encrypt_type: "aes", msg_signature: spec.msgSignature ?? signature }, timestamp, nonce));
  const body =
    spec.mode === "safe"
      ? `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`
      : plainXml.replace("</xml>", `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
  return new Request(url, { method: "POST", body, headers: { "content-type": "text/xml" } });
}
