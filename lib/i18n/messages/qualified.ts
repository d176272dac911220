// 有效关注 (qualified follows): the leaderboard's column hint, the account setting and the promoter page, in both languages.
import type { Widen } from "../widen";

const zh = {
  pending: "{count} 待定",
  pendingTitle: "还在 {days} 天观察期内的新增关注，尚未确定是否有效",
  hint: "有效关注：新增关注的粉丝在关注满 {days} 天时仍在关注，即为有效关注（推广者按此结算）。按天统计：某天结束满 {days} 天后，当天的有效关注才确定；此前当天的新增关注显示为“待定”。",
  promoterStat: "有效关注",
  settings: {
    title: "有效关注",
    intro: "粉丝关注满设定天数时仍在关注，才算推广者的有效关注。排行榜、导出、推广者页面和 qualified-follow Webhook 都按此计算；结算也以此为准。",
    days: "观察天数（1–90）",
    save: "保存观察天数",
    saved: "已保存：观察天数改为 {days} 天。正在按新规则重新计算历史数据，稍后排行榜将更新。",
    unchanged: "观察天数没有变化。",
    invalid: "观察天数须为 1 到 90 之间的整数。",
    rebuilding: "正在按新的观察天数重新计算有效关注…",
  },
} as const;

const en: Widen<typeof zh> = {
  pending: "{count} pending",
  pendingTitle: "New followers still inside the {days}-day window: not decided yet",
  hint: "Qualified follows: a new follower who is still following {days, plural, one {# day} other {# days}} after following counts as qualified (what promoters are paid on). By day: a day's qualified count is final once that day ended {days, plural, one {# day} other {# days}} ago; until then its new followers show as pending.",
  promoterStat: "Qualified",
  settings: {
    title: "Qualified follows",
    intro: "A follow counts as a promoter's qualified follow when the follower is still following after this many days. Leaderboards, exports, promoter pages and the qualified-follow webhook use it, and so does settlement.",
    days: "Days to wait (1–90)",
    save: "Save days",
    saved: "Saved: qualified after {days, plural, one {# day} other {# days}}. Past follows are being recounted under the new rule; the leaderboard updates shortly.",
    unchanged: "The number of days did not change.",
    invalid: "Enter a whole number of days from 1 to 90.",
    rebuilding: "Recounting qualified follows under the new number of days…",
  },
};

export const qualifiedMessages = { "zh-CN": zh, en };
