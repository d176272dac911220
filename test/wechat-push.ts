// Builds signed WeChat pushes for tests, exactly as WeChat's servers send them.
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
