import { qrErrorHint } from "../promoters/qr-error-hint";
import type { WechatErrorHint } from "../wechat/wechat-error";

// What the admin can do when the custom message with a promoter's link was refused.
const HINTS: Record<number, WechatErrorHint> = {
  45015: {
    zh: "超出 48 小时客服消息时限：该用户 48 小时内没有与公众号互动。请让推广者再向公众号发送报名关键词（或「我的数据」关键词），公众号会直接回复专属链接。",
    en: "Outside the 48-hour window for custom messages: the follower has not interacted with the account in 48 hours. Ask the promoter to send the enrol keyword (or the 我的数据 keyword) to the account again; the reply carries their private link.",
  },
  45047: {
    zh: "客服消息超过上限：该用户未回复前最多接收 20 条客服消息。请让推广者先向公众号发送一条消息。",
    en: "Too many custom messages: a follower receives at most 20 before they reply. Ask the promoter to send the account a message first.",
  },
  48001: {
    zh: "该公众号没有客服消息接口权限（需要已认证的服务号或测试号）。请让推广者发送关键词，通过被动回复获取链接。",
    en: "This account may not send custom messages (a verified service account or a test account is needed). Ask the promoter to send the keyword: the passive reply carries the link.",
  },
  40003: { zh: "OpenID 无效：该用户不属于这个公众号（或已取消关注）。", en: "Invalid OpenID: the user does not belong to this account (or has unfollowed)." },
};

export function customSendHint(errcode: number, errmsg = ""): WechatErrorHint {
  return HINTS[errcode] ?? qrErrorHint(errcode, errmsg);
}
