import { db } from "../db";
import { log } from "../log/logger";
import { sendCustomText } from "../wechat/send-custom-message";
import { WechatApiError, WechatNetworkError } from "../wechat/wechat-error";
import { NETWORK_FAILURE } from "../promoters/issue-qrcode";
import { approvedMessage } from "./enrol-replies";
import { signedPageUrl } from "./link-origin";
import { getEnrolSettings } from "./save-enrol-settings";

export type Delivery = { ok: true } | { ok: false; errcode: number; errmsg: string };

/**
 * Sends an approved applicant their private link as a 客服消息 and records the outcome on the
 * application. `link` is the permanent link when the approval just created it; otherwise (a resend)
 * a 24-hour signed link, since the permanent one cannot be shown again.
 */
export async function deliverLink(applicationId: string, link: string | null = null): Promise<Delivery> {
  const application = await db().promoterApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { id: true, accountId: true, openid: true, promoterId: true } });
  if (!application.promoterId) throw new Error("Only an approved application has a promoter to send a link for");
  const [settings, promoter] = await Promise.all([
    getEnrolSettings(application.accountId),
    db().promoter.findUniqueOrThrow({ where: { id: application.promoterId }, select: { id: true, name: true, selfServiceTokenHash: true } }),
  ]);
  const url = link ?? signedPageUrl(settings.linkOrigin, promoter);
  let delivery: Delivery = { ok: true };
  try {
    await sendCustomText(application.accountId, application.openid, approvedMessage({ approvedText: settings.approvedText, name: promoter.name, link: url, statsKeyword: settings.statsKeyword }));
  } catch (error) {
    if (!(error instanceof WechatApiError || error instanceof WechatNetworkError)) log().error({ err: error }, "message/custom/send failed");
    delivery = error instanceof WechatApiError ? { ok: false, errcode: error.errcode, errmsg: error.errmsg } : { ok: false, errcode: NETWORK_FAILURE, errmsg: error instanceof Error ? error.message : "Unexpected response from WeChat" };
  }
  await db().promoterApplication.update({
    where: { id: applicationId },
    data: delivery.ok ? { sentAt: new Date(), sendErrcode: null, sendError: null } : { sendErrcode: delivery.errcode, sendError: delivery.errmsg.slice(0, 500) },
  });
  return delivery;
}
