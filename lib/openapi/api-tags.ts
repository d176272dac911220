// The groups of the API reference, in the order shown.
export const API_TAGS = [
  { name: "account", en: "The key's Official Account", zh: "公众号" },
  { name: "promoters", en: "Promoters", zh: "推广者" },
  { name: "qrcodes", en: "QR codes", zh: "二维码" },
  { name: "followers", en: "Followers", zh: "粉丝" },
  { name: "stats", en: "Leaderboard and ledger", zh: "排行榜与明细" },
  { name: "webhooks", en: "Webhooks", zh: "Webhook 推送" },
  { name: "campaigns", en: "Campaigns", zh: "活动" },
  { name: "settlements", en: "Settlement", zh: "结算" },
  { name: "meta", en: "This document", zh: "文档" },
] as const;
