import { db } from "../db";
import { format } from "../i18n/locales";
import type { WechatMessage } from "../wechat/parse-message";
import type { ReplyContent } from "../wechat/passive-reply";
import { applyToEnrol } from "./apply-to-enrol";
import { ENROL_REPLIES, statsMessage } from "./enrol-replies";
import { getPromoterFigures } from "./get-promoter-figures";
import { signedPageUrl } from "./link-origin";
import { matchEnrolKeyword } from "./match-enrol-keyword";

export type EnrolAccount = {
  id: string;
  timezone: string;
  enrol: { enrolKeyword: string | null; statsKeyword: string | null; autoApprove: boolean; autoApproveDailyLimit: number; receivedText: string | null; linkOrigin: string | null } | null;
};

const text = (content: string): ReplyContent => ({ kind: "text", content });

/**
 * The passive reply to a text message carrying the account's 推广 or 我的数据 keyword, or null when it
 * carries neither (the keyword rules answer it then). A few indexed reads and at most one insert: the
 * slow work of an approval never runs here.
 */
export async function answerEnrolKeyword(account: EnrolAccount, message: WechatMessage, now = new Date()): Promise<ReplyContent | null> {
  const enrol = account.enrol;
  if (!enrol || message.msgType !== "text") return null;
  const hit = matchEnrolKeyword(enrol, message.content);
  if (!hit) return null;
  const openid = message.fromUserName;
  const promoter = await db().promoter.findUnique({
    where: { accountId_openid: { accountId: account.id, openid } },
    select: { id: true, name: true, active: true, selfServiceEnabled: true, selfServiceTokenHash: true },
  });
  if (promoter && !promoter.active) return text(ENROL_REPLIES.inactive);
  if (promoter && !promoter.selfServiceEnabled) return text(ENROL_REPLIES.pageOff);
  const link = promoter ? signedPageUrl(enrol.linkOrigin, promoter, now.getTime()) : "";
  if (hit.kind === "stats") {
    if (!promoter) return enrol.enrolKeyword ? text(format(ENROL_REPLIES.notPromoter, { keyword: enrol.enrolKeyword })) : null;
    const figures = await getPromoterFigures(account.id, promoter.id, account.timezone, now);
    return text(statsMessage({ name: promoter.name, link, ...figures }));
  }
  if (promoter) return text(format(ENROL_REPLIES.alreadyPromoter, { name: promoter.name, link }));
  const { outcome } = await applyToEnrol({ ...account, enrol }, openid, hit.name, now);
  if (outcome === "pending") return text(ENROL_REPLIES.alreadyPending);
  if (outcome === "auto") return text(ENROL_REPLIES.autoApproved);
  return text(enrol.receivedText ?? ENROL_REPLIES.received);
}
