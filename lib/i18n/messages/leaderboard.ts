// Leaderboard (排行榜), in both languages.
import type { Widen } from "../widen";

const zh = {
  title: "排行榜",
  intro: "按所选日期范围统计每位推广者带来的关注。",
  range: "{from} 至 {to}",
  from: "开始日期",
  to: "结束日期",
  apply: "查询",
  last7: "近 7 天",
  last30: "近 30 天",
  columns: { rank: "排名", name: "推广者", newFollowers: "新增关注", refollows: "重新关注", unfollows: "取消关注", net: "净增", scans: "扫码" },
  chartTitle: "每日新增关注",
  chartSeries: { newFollowers: "新增关注", unfollows: "取消关注", net: "净增" },
  empty: "这段时间还没有数据。",
  totals: "全号合计",
  organic: "自然关注 {count}",
  unattributed: "未归属场景 {count}",
  invalidRange: "日期范围无效，已显示近 30 天。",
} as const;

const en: Widen<typeof zh> = {
  title: "Leaderboard",
  intro: "Followers each promoter brought in the chosen date range.",
  range: "{from} to {to}",
  from: "From",
  to: "To",
  apply: "Apply",
  last7: "Last 7 days",
  last30: "Last 30 days",
  columns: { rank: "Rank", name: "Promoter", newFollowers: "New", refollows: "Re-follows", unfollows: "Unfollows", net: "Net", scans: "Scans" },
  chartTitle: "New followers per day",
  chartSeries: { newFollowers: "New", unfollows: "Unfollows", net: "Net" },
  empty: "No data in this range yet.",
  totals: "Account totals",
  organic: "Organic {count}",
  unattributed: "Unmapped scenes {count}",
  invalidRange: "That date range is invalid; showing the last 30 days.",
};

export const leaderboardMessages = { "zh-CN": zh, en };
