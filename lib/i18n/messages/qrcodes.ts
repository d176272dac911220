// QR codes of every kind (永久/临时, 整数/字符串场景), in both languages.
import type { Widen } from "../widen";

const zh = {
  title: "二维码",
  intro: "默认的永久二维码之外，还可以为活动添加字符串场景或临时二维码（最长 30 天）。",
  kinds: { QR_LIMIT_SCENE: "永久 · 整数场景", QR_LIMIT_STR_SCENE: "永久 · 字符串场景", QR_SCENE: "临时 · 整数场景", QR_STR_SCENE: "临时 · 字符串场景" },
  columns: { kind: "类型", label: "活动", scene: "场景值", status: "状态", expires: "有效期至", actions: "操作" },
  never: "永久有效",
  expiringSoon: "即将过期",
  renew: "续期",
  renewing: "正在续期…",
  retry: "重试",
  download: "PNG",
  add: "添加二维码",
  adding: "正在添加…",
  fields: { kind: "类型", label: "活动名称（可选）", sceneStr: "字符串场景值（可选，留空自动生成）", expireDays: "有效天数（1–30）" },
  budget: "永久二维码额度：已用 {used} / {limit}（微信永久二维码无法删除）",
  budgetLow: "永久二维码额度即将用完，剩余 {left} 个。",
  expiringBanner: "{count} 个临时二维码将在 3 天内过期，请及时续期。",
  errors: {
    kindInvalid: "请选择二维码类型",
    labelLong: "活动名称不能超过 40 个字符",
    sceneStrInvalid: "字符串场景值为 1–64 位字母、数字或 _ . : -",
    expireInvalid: "有效天数为 1–30 天",
    sceneTaken: "该场景值已被本公众号的其他二维码使用",
    budgetExhausted: "永久二维码额度（100,000 个）已用完",
  },
} as const;

const en: Widen<typeof zh> = {
  title: "QR codes",
  intro: "Besides the default permanent code, add string-scene or temporary codes (up to 30 days) for campaigns.",
  kinds: { QR_LIMIT_SCENE: "Permanent · integer", QR_LIMIT_STR_SCENE: "Permanent · string", QR_SCENE: "Temporary · integer", QR_STR_SCENE: "Temporary · string" },
  columns: { kind: "Kind", label: "Campaign", scene: "Scene", status: "Status", expires: "Valid until", actions: "Actions" },
  never: "Never expires",
  expiringSoon: "Expiring soon",
  renew: "Renew",
  renewing: "Renewing…",
  retry: "Retry",
  download: "PNG",
  add: "Add code",
  adding: "Adding…",
  fields: { kind: "Kind", label: "Campaign name (optional)", sceneStr: "String scene (optional; blank = generated)", expireDays: "Days valid (1–30)" },
  budget: "Permanent codes: {used} of {limit} used (WeChat cannot delete them)",
  budgetLow: "Permanent codes are running out: {left} left.",
  expiringBanner: "{count, plural, one {# temporary code expires within 3 days. Renew it in time.} other {# temporary codes expire within 3 days. Renew them in time.}}",
  errors: {
    kindInvalid: "Choose a kind",
    labelLong: "Use at most 40 characters",
    sceneStrInvalid: "A string scene is 1–64 letters, digits or _ . : -",
    expireInvalid: "Choose 1 to 30 days",
    sceneTaken: "Another code of this account already uses this scene",
    budgetExhausted: "All 100,000 permanent QR codes are used",
  },
};

export const qrcodesMessages = { "zh-CN": zh, en };
