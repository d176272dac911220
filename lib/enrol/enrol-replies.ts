// The texts the account sends for 推广 and 我的数据 (zh-CN, the followers' language); the admin may
// replace the two marked in the settings. {link} is a 24-hour link to the promoter's private page.
import { format } from "../i18n/locales";

export const ENROL_REPLIES = {
  received: "已收到你的推广者申请，管理员审核通过后，会把你的专属推广码和专属页面链接发给你。",
  alreadyPending: "你的推广者申请正在审核中，请耐心等待。",
  autoApproved: "申请已通过！稍后你会收到专属推广码和专属页面的链接。",
  alreadyPromoter: "你已经是推广者「{name}」。专属页面（24 小时内有效）：{link}",
  inactive: "你的推广者身份已停用，如有疑问请联系管理员。",
  pageOff: "你的推广者专属页面已关闭，如有疑问请联系管理员。",
  notPromoter: "你还不是推广者。发送「{keyword}」即可申请成为推广者。",
  stats: "{name}：今日 {today} 新关注，本月 {month}，排名 第 {rank} / {total}，专属页面（24 小时内有效）：{link}",
  approved: "你已成为推广者「{name}」！专属推广码和推广数据都在你的专属页面。",
  statsHint: "发送「{keyword}」可随时查看数据、获取新的链接。",
} as const;

/** The custom message after approval: the admin's text (or the built-in one), the link, and how to get the next. */
export function approvedMessage(input: { approvedText: string | null; name: string; link: string; statsKeyword: string | null }): string {
  const lead = format(input.approvedText ?? ENROL_REPLIES.approved, { name: input.name });
  const hint = input.statsKeyword ? `\n${format(ENROL_REPLIES.statsHint, { keyword: input.statsKeyword })}` : "";
  return `${lead}\n${input.link}${hint}`;
}

export function statsMessage(figures: { name: string; today: number; month: number; rank: number; total: number; link: string }): string {
  return format(ENROL_REPLIES.stats, figures);
}
