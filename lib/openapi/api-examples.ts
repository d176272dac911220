// Examples shown in the OpenAPI document and the dashboard's API reference. A unit test validates
// every one against the document's own schema.
const promoterId = "cmf3k2p0d0001qz8x1y2z3a4b";
const qrId = "cmf3k2p0d0002qz8x9w8v7u6t";

export const promoterExample = {
  id: promoterId,
  name: "李四",
  phone: "13800138000",
  note: "门店 A",
  active: true,
  createdAt: "2026-11-21T08:30:00.000Z",
  scene: { id: 42, key: "42", kind: "QR_LIMIT_SCENE" },
  qrCode: { status: "active", url: "http://weixin.qq.com/q/02abcDEF", error: null },
  counts: { newFollowers: 12, refollows: 1, unfollows: 2, net: 10, scans: 30, backfilled: 0 },
};

export const failedPromoterExample = {
  ...promoterExample,
  counts: { newFollowers: 0, refollows: 0, unfollows: 0, net: 0, scans: 0, backfilled: 0 },
  qrCode: {
    status: "failed",
    url: null,
    error: {
      errcode: 48001,
      errmsg: "api unauthorized",
      hint: { zh: "该公众号没有此接口权限。带参数二维码需要已认证的服务号（已认证服务号），或使用测试号。", en: "This account is not authorized for the API. Parametric QR codes need a verified service account (已认证服务号) or a test account (测试号)." },
    },
  },
};

export const qrCodeExample = {
  id: qrId,
  promoterId,
  kind: "QR_STR_SCENE",
  label: "双十一活动",
  scene: { id: null, str: "double11-shop42", key: "double11-shop42" },
  status: "active",
  url: "http://weixin.qq.com/q/02xyzUVW",
  ticket: "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xLzAyeHl6VVZXAAIE",
  expireSeconds: 604800,
  expiresAt: "2026-11-28T08:30:00.000Z",
  expiringSoon: false,
  createdAt: "2026-11-21T08:30:00.000Z",
  error: null,
};

export const leaderboardExample = {
  from: "2026-11-01",
  to: "2026-11-30",
  timezone: "Asia/Shanghai",
  sort: "net",
  data: [{ rank: 1, promoterId, name: "李四", active: true, sceneKey: "42", teamName: "东区", newFollowers: 12, refollows: 1, unfollows: 2, net: 10, scans: 30, retention7: 0.9, backfilled: 0, qualified: 9, qualifyPending: 2 }],
};

export const teamBoardExample = {
  from: "2026-11-01",
  to: "2026-11-30",
  timezone: "Asia/Shanghai",
  sort: "perCapita",
  data: [{ rank: 1, teamId: "cm3team0000000000000000001", name: "东区", leadId: promoterId, leadName: "李四", members: 2, newFollowers: 15, unfollows: 2, net: 13, scans: 40, perCapita: 7.5, qualified: 12 }],
};

export const followListExample = {
  from: "2026-11-01",
  to: "2026-11-30",
  timezone: "Asia/Shanghai",
  data: [{ id: 1001, openid: "oUser1", kind: "new_follow", promoterId, promoterName: "李四", scene: "42", occurredAt: "2026-11-21T08:30:00.000Z", day: "2026-11-21", creditedLater: false }],
  nextCursor: "c1.WzEwMDFd",
};

export const followerExample = {
  openid: "oUser1",
  status: "following",
  source: "qr",
  promoter: { id: promoterId, name: "李四" },
  firstScene: "42",
  firstFollowedAt: "2026-11-21T08:30:00.000Z",
  lastFollowedAt: "2026-11-25T02:00:00.000Z",
  unfollowedAt: null,
  retained7: true,
  history: [
    { event: "subscribe", eventKey: "qrscene_42", occurredAt: "2026-11-21T08:30:00.000Z", receivedAt: "2026-11-21T08:30:00.120Z", attribution: { kind: "new_follow", promoterId, promoterName: "李四", scene: "42", day: "2026-11-21", creditedLater: false } },
    { event: "SCAN", eventKey: "double11-shop42", occurredAt: "2026-11-25T02:00:00.000Z", receivedAt: "2026-11-25T02:00:00.080Z", attribution: { kind: "scan", promoterId, promoterName: "李四", scene: "double11-shop42", day: "2026-11-25", creditedLater: false } },
  ],
  nextCursor: null,
};

export const accountExample = {
  id: "cmf3k2p0d0000qz8xaccount1",
  name: "场景码服务号",
  appId: "wx0123456789abcdef",
  mode: "safe",
  timezone: "Asia/Shanghai",
  createdAt: "2026-11-01T00:00:00.000Z",
  promoters: { total: 120, active: 115 },
  qrCodes: { permanentUsed: 130, permanentLimit: 100000, permanentLeft: 99870, expiringSoon: 3, failed: 0 },
  followers: { following: 5230, unfollowed: 410 },
  last30Days: { from: "2026-11-02", to: "2026-12-01", newFollowers: 900, refollows: 40, unfollows: 80, net: 820, scans: 2100, organic: 150, unattributed: 5, backfilled: 0 },
};

export const errorExamples = {
  bad_request: { error: { code: "bad_request", message: "Invalid input", details: [{ path: "name", message: "nameRequired" }] } },
  unauthorized: { error: { code: "unauthorized", message: "Missing, unknown, revoked or expired API key: send Authorization: Bearer <api key>" } },
  forbidden: { error: { code: "forbidden", message: "This API key is read; this call needs a read-write key" } },
  not_found: { error: { code: "not_found", message: "No such promoter" } },
  rate_limited: { error: { code: "rate_limited", message: "Too many requests for this API key; retry in 1 s" } },
  idempotency_in_progress: { error: { code: "idempotency_in_progress", message: "A request with this Idempotency-Key is still running; retry in a moment to get its answer" } },
  idempotency_key_reused: { error: { code: "idempotency_key_reused", message: "This Idempotency-Key was already used with a different request (method, path or body); send a new key for a new request" } },
  wechat_error: { error: { code: "wechat_error", message: "WeChat refused (errcode 45009): The daily API quota is used up.", details: { errcode: 45009, errmsg: "reach max api daily quota limit", hint: { zh: "今日接口调用次数已达上限。", en: "The daily API quota is used up." } } } },
};

export const campaignExample = {
  id: "cm3camp00000000000000000001",
  name: "双十一",
  startDay: "2026-11-01",
  endDay: "2026-11-11",
  timezone: "Asia/Shanghai",
  status: "running",
  target: 5000,
  codes: 120,
  newFollowers: 1830,
  createdAt: "2026-10-20T02:00:00.000Z",
};

export const campaignBoardExample = {
  campaign: campaignExample,
  sort: "newFollowers",
  totals: { newFollowers: 1830, refollows: 41, scans: 2200, unfollows: 96, net: 1734 },
  outside: { followsBefore: 12, followsAfter: 0, scansBefore: 30, scansAfter: 0 },
  total: 1,
  data: [{ rank: 1, promoterId, name: "李四", active: true, newFollowers: 1830, refollows: 41, scans: 2200, unfollows: 96, net: 1734, outsideFollows: 12, outsideScans: 30, qualified: 1702, qualifyPending: 0 }],
};

export const settlementRunExample = {
  id: "cm3settle000000000000000001",
  seq: 1,
  fromDay: "2026-11-01",
  toDay: "2026-11-30",
  timezone: "Asia/Shanghai",
  qualifyDays: 3,
  status: "locked",
  follows: 1830,
  qualified: 1702,
  amount: "2553.00",
  adjustments: 2,
  adjustmentAmount: "-1.50",
  total: "2551.50",
  lockedAt: "2026-12-04T02:00:00.000Z",
  lockedBy: "ops@example.com",
};

export const settlementDetailExample = {
  run: settlementRunExample,
  data: [{ promoterId, promoterName: "李四", teamName: "东区", follows: 1830, qualified: 1702, unitPrice: "1.50", amount: "2553.00", adjustments: 2, adjustmentAmount: "-1.50", total: "2551.50" }],
};

export const signalListExample = {
  from: "2026-11-06",
  to: "2026-12-05",
  timezone: "Asia/Shanghai",
  computedAt: "2026-12-05T02:10:00.000Z",
  thresholds: { quickUnfollowPct: 30, minSample: 10, burstPerMinute: 10, nightStartHour: 0, nightEndHour: 6, nightPct: 50 },
  data: [{ promoterId, name: "李四", signals: ["quick", "burst"], newFollowers: 12, quickUnfollows: 5, follows: 12, nightFollows: 0, burstMinutes: 1, burstFollows: 12, worstBursts: [{ at: "2026-12-04T22:01:00.000Z", qrCodeId: "cm3qr00000000000000000001", sceneKey: "42", count: 12 }] }],
};
