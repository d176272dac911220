import { notePreviousKeyUse } from "../../accounts/previous-key-use";
import { buildEncryptedReply } from "../../wechat/crypto/encrypted-reply";
import { parseWechatXml, sceneFromEventKey } from "../../wechat/parse-message";
import type { EventRow } from "../pipeline-db/sql-session";
import { storedHere, storeEvent, type StoreResult } from "../store/store-event";
import type { CallbackAccount } from "./account-cache";
import { composeAnswer } from "./compose-answer";
import { openPush, PushRefusedError } from "./open-push";
import { signedQueries } from "./signed-query-memory";
import { welcomeReply } from "./welcome-reply";
import { REPLY_BUDGET_MS, withinBudget } from "./with-deadline";
import { log } from "../../log/logger";
import { recordUntracked } from "../../health/record-callback";

// The events attribution reads; other messages and events are acknowledged and dropped.
const TRACKED = new Set(["subscribe", "unsubscribe", "SCAN"]);
// WeChat stamps CreateTime and the query's timestamp from its own clock, and re-signs each retry
// (three within ~15 s) with the same CreateTime: the two are seconds apart. Five minutes either way,
// plus 30 s, is far beyond that, and refuses a captured query replayed with an old event's body.
export const MAX_CREATE_TIME_SKEW_S = 330;

export type Received = { answer: string; stored: StoreResult | "ignored" };

/** What the callback learned of a push before it failed, for its log line (filled in as it is read). */
export type PushAbout = { openid?: string; event?: string };

type Opened = ReturnType<typeof openPush>;
type Message = ReturnType<typeof parseWechatXml>;

// Whether the answer to this push is more than "success" (and so waits for more than its store).
const composes = (account: CallbackAccount) => Boolean(account.forward || account.replyRules.length);
const welcomes = (account: CallbackAccount, event: string) => event === "subscribe" && Boolean(account.welcomeText || account.accountReply || account.anyScopedWelcome);

/**
 * A verified push, up to its answer: open (decrypt) it, parse it, make a tracked event durable
 * (the pipeline's first stage; attribution follows asynchronously), and build the answer —
 * "success", or a passive welcome reply, encrypted (with the push's own key) when the push was. A push
 * whose CreateTime is far from its signed timestamp is refused before anything is stored.
 *
 * Synchronous (no promise, no deadline timer) when the answer is known at once: an untracked message
 * with nothing to reply, or a copy of a push this process has already committed (WeChat's retry)
 * with nothing to reply: the callback's re-delivery path (docs/performance.md).
 */
export function receivePush(account: CallbackAccount, query: URLSearchParams, body: string, about: PushAbout = {}, startedAt = performance.now()): Received | Promise<Received> {
  if (!signedQueries().remember(account.id, query, body)) throw new PushRefusedError(401, "Signed query already used with a different body (replay)");
  const opened = openPush(account, query, body);
  const message = parseWechatXml(opened.xml);
  about.openid = message.fromUserName;
  about.event = message.event ?? message.msgType;
  if (Math.abs(message.createTime - Number(query.get("timestamp"))) > MAX_CREATE_TIME_SKEW_S) {
    throw new PushRefusedError(401, `CreateTime is more than ${MAX_CREATE_TIME_SKEW_S} s from the signed timestamp`);
  }
  if (opened.previousKey && notePreviousKeyUse(account.id)) log().warn({ appId: account.appId }, "wechat callback: push decrypted with the previous EncodingAESKey");
  const event = message.msgType === "event" && message.event && TRACKED.has(message.event) ? message.event : null;
  if (!event) {
    recordUntracked(account.id, message.msgType, message.event);
    if (!composes(account) && !account.enrol) return { answer: "success", stored: "ignored" };
    return composeAnswer(account, message, opened, startedAt).then((answer) => ({ answer, stored: "ignored" as const }));
  }
  const row: EventRow = { accountId: account.id, fromUser: message.fromUserName, createTime: message.createTime, event, eventKey: message.eventKey || null, ticket: message.ticket || null };
  if (!composes(account) && !welcomes(account, event) && storedHere(row)) return { answer: "success", stored: "duplicate" };
  return storeAndAnswer(account, message, opened, row, startedAt);
}

async function storeAndAnswer(account: CallbackAccount, message: Message, opened: Opened, row: EventRow, startedAt: number): Promise<Received> {
  const stored = await storeEvent(row);
  // Forwarding and automatic replies start only now, after the event is durable.
  if (composes(account)) return { answer: await composeAnswer(account, message, opened, startedAt), stored };
  if (!welcomes(account, row.event)) return { answer: "success", stored };
  const scene = sceneFromEventKey(row.event, message.eventKey);
  const follow = { toUserName: message.toUserName, fromUserName: message.fromUserName, scene, createTime: message.createTime };
  const replyXml = await withinBudget(welcomeReply(account, follow), REPLY_BUDGET_MS, null);
  if (!replyXml) return { answer: "success", stored };
  if (!opened.encrypted) return { answer: replyXml, stored };
  // During a key rotation the reply is sealed with the key the push came with: the one WeChat reads it with.
  return { answer: buildEncryptedReply({ replyXml, appId: account.appId, encodingAesKey: opened.key!, token: account.token }), stored };
}
