// The XML bodies WeChat POSTs to a callback: the plain event, and its compatible- and safe-mode forms.
import crypto from "node:crypto";

export type PushedEvent = "subscribe" | "unsubscribe" | "SCAN";
export type PushMode = "plain" | "compatible" | "safe";

export type EventXmlInput = {
  event: PushedEvent;
  openid: string;
  scene?: string;
  /** The account's original id (gh_…), ToUserName in the XML. */
  toUserName?: string;
  createTime?: number;
};

export const DEFAULT_TO_USER = "gh_simulator0000";

const cdata = (value: string) => `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

function eventKey(event: PushedEvent, scene?: string): string {
  if (!scene) return "";
  if (event === "subscribe") return `qrscene_${scene}`;
  return event === "SCAN" ? scene : "";
}

/** The XML WeChat sends for a follow, unfollow or scan (EventKey and Ticket only where WeChat sends them). */
export function buildEventXml(input: EventXmlInput, ticket?: string): string {
  const { event, openid, scene, toUserName = DEFAULT_TO_USER, createTime = Math.floor(Date.now() / 1000) } = input;
  const withScene = Boolean(scene) && event !== "unsubscribe";
  return [
    "<xml>",
    `<ToUserName>${cdata(toUserName)}</ToUserName>`,
    `<FromUserName>${cdata(openid)}</FromUserName>`,
    `<CreateTime>${createTime}</CreateTime>`,
    `<MsgType>${cdata("event")}</MsgType>`,
    `<Event>${cdata(event)}</Event>`,
    `<EventKey>${cdata(eventKey(event, scene))}</EventKey>`,
    withScene ? `<Ticket>${cdata(ticket ?? `gQ${crypto.randomBytes(30).toString("base64url")}`)}</Ticket>` : "",
    "</xml>",
  ].join("");
}

/**
 * The body for a mode: plain → the XML; compatible → the XML's fields plus <Encrypt> of the whole XML;
 * safe → only <ToUserName> and <Encrypt>.
 */
export function buildPushBody(mode: PushMode, xml: string, encrypt: string | undefined, toUserName = DEFAULT_TO_USER): string {
  if (mode === "plain") return xml;
  if (encrypt === undefined) throw new Error(`a ${mode}-mode push needs its Encrypt value`);
  const encrypted = `<Encrypt>${cdata(encrypt)}</Encrypt>`;
  if (mode === "safe") return `<xml><ToUserName>${cdata(toUserName)}</ToUserName>${encrypted}</xml>`;
  const end = xml.lastIndexOf("</xml>");
  return end === -1 ? `${xml}${encrypted}` : `${xml.slice(0, end)}${encrypted}${xml.slice(end)}`;
}
