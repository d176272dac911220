import { parseWechatXml, sceneFromEventKey } from "../wechat/parse-message";
import { recordEvent, type RecordResult } from "./record-event";

const TRACKED = new Set(["subscribe", "unsubscribe", "SCAN"]);

export type PushResult = RecordResult | { status: "ignored" };

/**
 * Turns a verified push body into ledger rows. Throws WechatXmlError for malformed XML.
 * Messages and events Scenecode does not track are acknowledged and dropped.
 */
export async function processPush(account: { id: string; timezone: string }, xml: string): Promise<PushResult> {
  const message = parseWechatXml(xml);
  if (message.msgType !== "event" || !message.event || !TRACKED.has(message.event)) return { status: "ignored" };
  const event = message.event as "subscribe" | "unsubscribe" | "SCAN";
  return recordEvent(account, {
    fromUser: message.fromUserName,
    createTime: message.createTime,
    event,
    eventKey: message.eventKey || null,
    scene: sceneFromEventKey(event, message.eventKey),
    ticket: message.ticket || null,
  });
}
