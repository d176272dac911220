// Pushes events to a Scenecode callback the way WeChat's servers do: signed query, CDATA XML, text/xml.
import crypto from "node:crypto";
import { wechatSignature } from "../verify-signature";
import type { SimulatorState } from "./simulator-state";

export type PushedEvent = "subscribe" | "unsubscribe" | "SCAN";

export type PushEventOptions = {
  callbackUrl: string;
  token: string;
  event: PushedEvent;
  openid: string;
  scene?: string;
  /** The account's original id (gh_…), ToUserName in the XML. */
  toUserName?: string;
  createTime?: number;
  nonce?: string;
  timestamp?: string;
  /** Also applies the follow/unfollow to this simulator's follower list (what user/info reports). */
  simulator?: { state: SimulatorState; appId: string };
};

export type CallbackResponse = { status: number; body: string };

const cdata = (value: string) => `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const randomNonce = () => String(crypto.randomInt(100_000_000, 2_147_483_647));
const nowSeconds = () => Math.floor(Date.now() / 1000);

function eventKey(event: PushedEvent, scene?: string): string {
  if (!scene) return "";
  if (event === "subscribe") return `qrscene_${scene}`;
  return event === "SCAN" ? scene : "";
}

/** The XML WeChat sends for a follow, unfollow or scan (EventKey and Ticket only where WeChat sends them). */
export function buildEventXml(options: Omit<PushEventOptions, "callbackUrl" | "token" | "nonce" | "timestamp">, ticket?: string): string {
  const { event, openid, scene, toUserName = "gh_simulator0000", createTime = nowSeconds() } = options;
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

function signedUrl(callbackUrl: string, token: string, extra: Record<string, string>, timestamp = String(nowSeconds()), nonce = randomNonce()): URL {
  const url = new URL(callbackUrl);
  url.searchParams.set("signature", wechatSignature([token, timestamp, nonce]));
  url.searchParams.set("timestamp", timestamp);
  url.searchParams.set("nonce", nonce);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return url;
}

/** POSTs one signed event to the callback URL; returns the callback's HTTP status and body. */
export async function pushEvent(options: PushEventOptions): Promise<CallbackResponse> {
  const { callbackUrl, token, openid, scene, simulator } = options;
  const createTime = options.createTime ?? nowSeconds();
  const ticket = simulator && scene ? simulator.state.ticketFor(simulator.appId, scene) : undefined;
  simulator?.state.recordEvent(simulator.appId, options.event, openid, scene, createTime);
  const response = await fetch(signedUrl(callbackUrl, token, { openid }, options.timestamp, options.nonce), {
    method: "POST",
    headers: { "content-type": "text/xml" },
    body: buildEventXml({ ...options, createTime }, ticket),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.text() };
}

/** The console's "submit" check: a signed GET with echostr; matched is true when the body echoes it exactly. */
export async function verifyUrl({ callbackUrl, token }: { callbackUrl: string; token: string }): Promise<CallbackResponse & { matched: boolean }> {
  const echostr = String(crypto.randomInt(1_000_000_000, 2 ** 47));
  const response = await fetch(signedUrl(callbackUrl, token, { echostr }), { signal: AbortSignal.timeout(10_000) });
  const body = await response.text();
  return { status: response.status, body, matched: response.ok && body === echostr };
}
