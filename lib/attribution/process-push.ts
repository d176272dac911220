import { parseWechatXml, sceneFromEventKey, type WechatMessage } from "../wechat/parse-message";
import { recordEvent, type RecordResult } from "./record-event";

const TRACKED = new Set(["subscribe", "unsubscribe", "SCAN"]);

export type PushResult = { outcome: RecordResult | { status: "ignored" }; message: WechatMessage; scene: string | null };

/**
 * Turns a verified push body into ledger rows. Throws WechatXmlError for malformed XML.
 * Messages and events Scenecode does not track are acknowledged and dropped.
 */
export async function processPush(account: { id: string; timezone: string }, xml: string): Promise<PushResult> {
  const message = parseWechatXml(xml);
  if (message.msgType !== "event" || !message.event || !TRACKED.has(message.event)) return { outcome: { status: "ignored" }, message, scene: null };
  const event = message.event as "subscribe" | "unsubscribe" | "SCAN";
  const scene = sceneFromEventKey(event, message.eventKey);
  const outcome = await recordEvent(account, {
    fromUser: message.fromUserName,
    createTime: message.createTime,
    event,
    eventKey: message.eventKey || null,
    scene,
    ticket: message.ticket || null,
  });
  return { outcome, message, scene };
}
