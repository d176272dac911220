// The answer to a push of an account that forwards to its own backend, has automatic replies, or the
// 推广 / 我的数据 keywords on. Precedence (README, "消息转发"): the upstream's reply > Scenecode's own (a
// follow: the code's, campaign's, promoter's or account's follow reply, else the follow rule; a message:
// the 推广 or 我的数据 keyword (lib/enrol), else a keyword rule, else the default rule) > "success".
import { answerEnrolKeyword } from "../../enrol/answer-enrol-keyword";
import { forwardPush } from "../../forward/forward-push";
import { recordForward } from "../../forward/forward-outcomes";
import { matchReplyRule, ruleReply } from "../../replies/match-reply-rule";
import { buildEncryptedReply } from "../../wechat/crypto/encrypted-reply";
import type { WechatMessage } from "../../wechat/parse-message";
import { sceneFromEventKey } from "../../wechat/parse-message";
import { buildPassiveReply } from "../../wechat/passive-reply";
import type { CallbackAccount } from "./account-cache";
import type { OpenedPush } from "./open-push";
import { welcomeReply } from "./welcome-reply";
import { REPLY_BUDGET_MS, withinBudget } from "./with-deadline";

// From the handler's start: the upstream must have answered by then, and Scenecode's own reply
// (a welcome text may need a promoter lookup) by OWN_REPLY_DEADLINE_MS, at most OWN_REPLY_MS after it
// starts — inside the route's 4 s deadline and WeChat's 5 s.
export const FORWARD_DEADLINE_MS = 3500;
const OWN_REPLY_DEADLINE_MS = 3900;
const OWN_REPLY_MS = REPLY_BUDGET_MS;

async function ownReply(account: CallbackAccount, message: WechatMessage, startedAt: number): Promise<string | null> {
  const to = { toUser: message.fromUserName, fromUser: message.toUserName };
  if (message.msgType === "event" && message.event === "subscribe") {
    const scene = sceneFromEventKey("subscribe", message.eventKey);
    const follow = { toUserName: message.toUserName, fromUserName: message.fromUserName, scene, createTime: message.createTime };
    const welcome = await withinBudget(welcomeReply(account, follow), Math.min(OWN_REPLY_MS, OWN_REPLY_DEADLINE_MS - (performance.now() - startedAt)), null);
    if (welcome) return welcome;
  }
  if (account.enrol && message.msgType === "text") {
    const enrol = await withinBudget(answerEnrolKeyword(account, message), Math.min(OWN_REPLY_MS, OWN_REPLY_DEADLINE_MS - (performance.now() - startedAt)), null);
    if (enrol) return buildPassiveReply({ ...to, reply: enrol });
  }
  const rule = matchReplyRule(account.replyRules, message);
  return rule ? buildPassiveReply({ ...to, reply: ruleReply(rule) }) : null;
}

/** The XML (sealed with the push's own key when it came encrypted) or "success"; never throws for the upstream's sake. */
export async function composeAnswer(account: CallbackAccount, message: WechatMessage, opened: OpenedPush, startedAt: number): Promise<string> {
  let replyXml: string | null = null;
  if (account.forward) {
    const budgetMs = FORWARD_DEADLINE_MS - (performance.now() - startedAt);
    const forwarded = await forwardPush({ target: account.forward, appId: account.appId, xml: opened.xml, openid: message.fromUserName, ghId: message.toUserName, budgetMs });
    recordForward(account.id, forwarded.outcome, forwarded.problem);
    replyXml = forwarded.replyXml;
  }
  replyXml ??= await ownReply(account, message, startedAt);
  if (!replyXml) return "success";
  if (!opened.encrypted) return replyXml;
  return buildEncryptedReply({ replyXml, appId: account.appId, encodingAesKey: opened.key!, token: account.token });
}
