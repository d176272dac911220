// What /api/v1 answers, as zod schemas: the OpenAPI document is generated from them, and the
// integration tests parse real answers with them, so the document cannot drift from the handlers.
import { z } from "zod";
import { QR_KINDS } from "../promoters/qr-spec";

const time = z.iso.datetime().meta({ example: "2026-11-21T08:30:00.000Z" });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ example: "2026-11-21" });
const cursor = z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last page" });

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const wechatError = z.object({
  errcode: z.number().int().meta({ description: "WeChat's errcode (-2: WeChat could not be reached)" }),
  errmsg: z.string(),
  hint: z.object({ zh: z.string(), en: z.string() }).meta({ description: "What to do about it, in Chinese and English" }),
});

export const counts = z.object({
  newFollowers: z.number().int(),
  refollows: z.number().int(),
  unfollows: z.number().int(),
  net: z.number().int(),
  scans: z.number().int(),
  backfilled: z.number().int().meta({ description: "Existing followers an import (导入已有粉丝) credited to the promoter, by subscribe day; never part of newFollowers or net" }),
});

export const promoter = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  createdAt: time,
  scene: z.object({ id: z.number().int().nullable(), key: z.string(), kind: z.enum(QR_KINDS) }).nullable().meta({ description: "The promoter's first (permanent) code's scene" }),
  qrCode: z.object({ status: z.string(), url: z.string().nullable(), error: wechatError.nullable() }).nullable(),
  counts: counts.meta({ description: "All time, from the daily rollups" }),
});

export const promoterList = z.object({ data: z.array(promoter), total: z.number().int(), nextCursor: cursor });

export const QR_STATUSES = ["pending", "generating", "active", "failed", "expired"] as const;

export const qrCode = z.object({
  id: z.string(),
  promoterId: z.string().nullable(),
  kind: z.enum(QR_KINDS),
  label: z.string().nullable(),
  scene: z.object({ id: z.number().int().nullable(), str: z.string().nullable(), key: z.string().meta({ description: "As it arrives in EventKey" }) }),
  status: z.enum(QR_STATUSES).meta({ description: "As of now: a temporary code past its expiry is expired" }),
  url: z.string().nullable().meta({ description: "The content of the QR image (render it, or download image.png / image.svg)" }),
  ticket: z.string().nullable(),
  expireSeconds: z.number().int().nullable(),
  expiresAt: time.nullable(),
  expiringSoon: z.boolean().meta({ description: "A temporary code that expires within 3 days" }),
  createdAt: time,
  error: wechatError.nullable().meta({ description: "WeChat's answer to the last failed creation or renewal" }),
});

export const qrCodeList = z.object({ data: z.array(qrCode), nextCursor: cursor });

export const leaderboardRow = z.object({
  rank: z.number().int(),
  promoterId: z.string(),
  name: z.string(),
  active: z.boolean(),
  sceneKey: z.string().nullable(),
  teamName: z.string().nullable().meta({ description: "The promoter's team now, or null" }),
  ...counts.shape,
  retention7: z.number().nullable().meta({ description: "Share of the range's new followers still following 7 days later" }),
  qualified: z.number().int().optional().meta({ description: "有效关注: new followers of the range's decided days still following the account's qualifyDays after their follow (final)" }),
  qualifyPending: z.number().int().optional().meta({ description: "New followers of the range's days not decided yet (their qualifyDays have not passed)" }),
});

export const leaderboard = z.object({ from: day, to: day, timezone: z.string(), sort: z.string(), data: z.array(leaderboardRow) });

export const teamRow = z.object({
  rank: z.number().int(),
  teamId: z.string(),
  name: z.string(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  members: z.number().int(),
  newFollowers: z.number().int(),
  unfollows: z.number().int(),
  net: z.number().int(),
  scans: z.number().int(),
  perCapita: z.number().meta({ description: "New followers per member, one decimal; 0 without members" }),
  qualified: z.number().int().optional().meta({ description: "有效关注 of the range's decided days (final)" }),
});

export const teamBoard = z.object({ from: day, to: day, timezone: z.string(), sort: z.string(), data: z.array(teamRow) });

export const campaign = z.object({
  id: z.string(),
  name: z.string(),
  startDay: day.meta({ description: "First day, in the account's time zone" }),
  endDay: day.meta({ description: "Last day, included" }),
  timezone: z.string().meta({ description: "The account's time zone the days are in", example: "Asia/Shanghai" }),
  status: z.enum(["scheduled", "running", "ended"]).meta({ description: "From today in the account's time zone" }),
  target: z.number().int().nullable().meta({ description: "New followers aimed for, or null" }),
  codes: z.number().int().meta({ description: "Codes enrolled" }),
  newFollowers: z.number().int().meta({ description: "New followers through its codes inside the window so far" }),
  createdAt: time,
});

export const campaignList = z.object({ data: z.array(campaign) });

// A campaign counts live follows through its codes in its window; imported followers are not in it.
const campaignCounts = counts.omit({ backfilled: true });

export const campaignBoardRow = z.object({
  rank: z.number().int(),
  promoterId: z.string(),
  name: z.string(),
  active: z.boolean(),
  ...campaignCounts.shape,
  unfollows: z.number().int().meta({ description: "Unfollows within the window by the followers the campaign brought" }),
  outsideFollows: z.number().int().meta({ description: "Follows through the campaign's codes before or after its window: never in the figures above" }),
  outsideScans: z.number().int(),
  qualified: z.number().int().meta({ description: "有效关注: of the window's new followers, those of decided days still following the account's qualifyDays after their follow" }),
  qualifyPending: z.number().int().meta({ description: "The window's new followers of days not decided yet" }),
});

export const campaignBoard = z.object({
  campaign,
  sort: z.string(),
  totals: campaignCounts,
  outside: z.object({ followsBefore: z.number().int(), followsAfter: z.number().int(), scansBefore: z.number().int(), scansAfter: z.number().int() }),
  total: z.number().int().meta({ description: "Promoters on the board" }),
  data: z.array(campaignBoardRow),
});

export const follow = z.object({
  id: z.number().int(),
  openid: z.string(),
  kind: z.enum(["new_follow", "refollow", "organic", "scan", "unfollow", "unknown_scene"]),
  promoterId: z.string().nullable(),
  promoterName: z.string().nullable(),
  scene: z.string().nullable(),
  occurredAt: time,
  day,
  creditedLater: z.boolean(),
});

export const followList = z.object({ from: day, to: day, timezone: z.string(), data: z.array(follow), nextCursor: cursor });

export const followerEvent = z.object({
  event: z.string().meta({ description: "subscribe, unsubscribe, SCAN, …" }),
  eventKey: z.string().nullable(),
  occurredAt: time.meta({ description: "WeChat's CreateTime" }),
  receivedAt: time,
  attribution: z
    .object({ kind: z.string(), promoterId: z.string().nullable(), promoterName: z.string().nullable(), scene: z.string().nullable(), day, creditedLater: z.boolean() })
    .nullable()
    .meta({ description: "What the event meant; null while it waits for the attribution worker" }),
});

export const follower = z.object({
  openid: z.string(),
  status: z.enum(["following", "unfollowed", "pending"]).meta({ description: "pending: events received, not yet attributed" }),
  source: z.enum(["qr", "organic", "unknown_scene"]).nullable(),
  promoter: z.object({ id: z.string(), name: z.string() }).nullable().meta({ description: "Who brought this follower (first touch)" }),
  firstScene: z.string().nullable(),
  firstFollowedAt: time.nullable(),
  lastFollowedAt: time.nullable(),
  unfollowedAt: time.nullable(),
  retained7: z.boolean().nullable(),
  history: z.array(followerEvent).meta({ description: "What happened since, in the order received" }),
  nextCursor: cursor,
});

export const accountSummary = z.object({
  id: z.string(),
  name: z.string(),
  appId: z.string(),
  mode: z.enum(["plain", "compatible", "safe"]),
  timezone: z.string(),
  createdAt: time,
  promoters: z.object({ total: z.number().int(), active: z.number().int() }),
  qrCodes: z.object({
    permanentUsed: z.number().int(),
    permanentLimit: z.number().int(),
    permanentLeft: z.number().int(),
    expiringSoon: z.number().int(),
    failed: z.number().int(),
  }),
  followers: z.object({ following: z.number().int(), unfollowed: z.number().int() }),
  last30Days: z.object({ from: day, to: day, ...counts.shape, organic: z.number().int(), unattributed: z.number().int() }),
});

// GET /api/v1/signals: the stored fraud signals (lib/signals) of the flagged promoters.
export const signalList = z.object({
  from: day.nullable(),
  to: day.nullable(),
  timezone: z.string(),
  computedAt: time.nullable(),
  thresholds: z.object({ quickUnfollowPct: z.number().int(), minSample: z.number().int(), burstPerMinute: z.number().int(), nightStartHour: z.number().int(), nightEndHour: z.number().int(), nightPct: z.number().int() }),
  data: z.array(z.object({
    promoterId: z.string(),
    name: z.string(),
    signals: z.array(z.enum(["quick", "burst", "night"])),
    newFollowers: z.number().int(),
    quickUnfollows: z.number().int(),
    follows: z.number().int(),
    nightFollows: z.number().int(),
    burstMinutes: z.number().int(),
    burstFollows: z.number().int(),
    worstBursts: z.array(z.object({ at: time, qrCodeId: z.string().nullable(), sceneKey: z.string().nullable(), count: z.number().int() })),
  })),
});
