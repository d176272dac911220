// Every /api/v1 operation, described once from the zod schemas the handlers parse with. The OpenAPI
// document (build-openapi.ts) and the dashboard's reference page are generated from this list.
import { z } from "zod";
import { followerQuery, followsQueryFields, leaderboardQueryFields, promoterListQuery, qrCodeListQuery, qrImageQuery, teamsQueryFields } from "../api-keys/api-query-schemas";
import { promoterSchema } from "../promoters/promoter-schema";
import * as out from "../rest-api/api-schemas";
import { campaignBoardQuery, createCampaignBody } from "../rest-api/api-campaigns";
import * as settle from "../rest-api/api-settlements";
import { createQrCodeBody } from "../rest-api/create-api-qrcode";
import { promoterPatchBody } from "../rest-api/patch-api-promoter";
import * as ex from "./api-examples";
import { WEBHOOK_OPERATIONS } from "./webhook-operations";

export type Text = { en: string; zh: string };
export type ApiResponseSpec = { description: string; schema?: z.ZodType; example?: unknown; contentType?: string };
export type ApiOperation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  operationId: string;
  tag: "account" | "promoters" | "qrcodes" | "followers" | "stats" | "campaigns" | "settlements" | "webhooks" | "meta";
  summary: Text;
  description?: Text;
  scope: "read" | "read-write" | null; // null: no API key needed
  pathParams?: Record<string, { schema: z.ZodType; description: string; example: string }>;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; example: unknown };
  idempotent?: boolean;
  csv?: boolean;
  responses: Record<number, ApiResponseSpec>;
};

const id = (what: string, example: string) => ({ id: { schema: z.string().min(1).max(64), description: `The ${what}'s id`, example } });
const promoterId = id("promoter", ex.promoterExample.id);
const qrId = id("QR code", ex.qrCodeExample.id);

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "get", path: "/api/v1/account", operationId: "getAccount", tag: "account", scope: "read",
    summary: { en: "The key's Official Account at a glance", zh: "密钥所属公众号概况" },
    description: { en: "Promoters, the permanent-code budget (100,000 per account, never freed), codes needing care, followers and the last 30 days.", zh: "推广者数量、永久二维码额度（每个公众号 100,000 个，用后不释放）、需处理的二维码、粉丝数与最近 30 天数据。" },
    responses: { 200: { description: "The account summary", schema: out.accountSummary, example: ex.accountExample } },
  },
  {
    method: "get", path: "/api/v1/promoters", operationId: "listPromoters", tag: "promoters", scope: "read", csv: true,
    summary: { en: "List promoters, newest first", zh: "推广者列表（最新在前）" },
    query: promoterListQuery,
    responses: { 200: { description: "One page of promoters", schema: out.promoterList, example: { data: [ex.promoterExample], total: 1, nextCursor: null } } },
  },
  {
    method: "post", path: "/api/v1/promoters", operationId: "createPromoter", tag: "promoters", scope: "read-write", idempotent: true,
    summary: { en: "Create a promoter with its permanent QR code", zh: "新建推广者及其永久二维码" },
    description: { en: "Spends one permanent code. When WeChat refuses, the promoter is still created (201) with qrCode.status = failed, the errcode and a hint.", zh: "消耗一个永久二维码额度。微信拒绝时推广者仍会创建（201），qrCode.status 为 failed，并附错误码与处理建议。" },
    body: { schema: promoterSchema, example: { name: "李四", phone: "13800138000", note: "门店 A" } },
    responses: {
      201: { description: "Created", schema: out.promoter, example: ex.promoterExample },
      409: { description: "All 100,000 permanent codes are used", schema: out.errorBody, example: { error: { code: "permanent_budget_exhausted", message: "All 100000 permanent QR codes of this account are used; WeChat cannot delete them" } } },
    },
  },
  {
    method: "get", path: "/api/v1/promoters/{id}", operationId: "getPromoter", tag: "promoters", scope: "read", pathParams: promoterId,
    summary: { en: "One promoter", zh: "单个推广者" },
    responses: { 200: { description: "The promoter", schema: out.promoter, example: ex.promoterExample } },
  },
  {
    method: "patch", path: "/api/v1/promoters/{id}", operationId: "updatePromoter", tag: "promoters", scope: "read-write", pathParams: promoterId,
    summary: { en: "Update or deactivate a promoter", zh: "修改或停用推广者" },
    description: { en: "Only the fields sent change. active: false deactivates (hidden from new work; the codes keep attributing, WeChat codes cannot be revoked).", zh: "只修改请求中出现的字段。active: false 停用推广者（不再用于新工作；其二维码仍继续归因，微信二维码无法作废）。" },
    body: { schema: promoterPatchBody, example: { note: "调往门店 B", active: false } },
    responses: { 200: { description: "The promoter after the change", schema: out.promoter, example: { ...ex.promoterExample, note: "调往门店 B", active: false } } },
  },
  {
    method: "get", path: "/api/v1/promoters/{id}/qrcodes", operationId: "listPromoterQrCodes", tag: "qrcodes", scope: "read", pathParams: promoterId,
    summary: { en: "A promoter's QR codes, oldest first", zh: "推广者的全部二维码（最早在前）" },
    query: qrCodeListQuery,
    responses: { 200: { description: "One page of codes", schema: out.qrCodeList, example: { data: [ex.qrCodeExample], nextCursor: null } } },
  },
  {
    method: "post", path: "/api/v1/promoters/{id}/qrcodes", operationId: "createQrCode", tag: "qrcodes", scope: "read-write", idempotent: true, pathParams: promoterId,
    summary: { en: "Add a QR code of any of the four kinds", zh: "新增二维码（四种类型之一）" },
    description: { en: "Permanent kinds spend the account's budget; temporary kinds take expireSeconds (at most 30 days). When WeChat refuses, the code is still stored (201) with status failed and error.", zh: "永久类型消耗公众号额度；临时类型可设 expireSeconds（最长 30 天）。微信拒绝时二维码仍会保存（201），状态为 failed 并附 error。" },
    body: { schema: createQrCodeBody, example: { kind: "QR_STR_SCENE", label: "双十一活动", sceneStr: "double11-shop42", expireSeconds: 604800 } },
    responses: {
      201: { description: "Created", schema: out.qrCode, example: ex.qrCodeExample },
      409: { description: "The scene is taken, or the permanent budget is spent", schema: out.errorBody, example: { error: { code: "scene_taken", message: "Scene double11-shop42 is already used by another code of this account" } } },
    },
  },
  {
    method: "get", path: "/api/v1/qrcodes/{id}", operationId: "getQrCode", tag: "qrcodes", scope: "read", pathParams: qrId,
    summary: { en: "One QR code", zh: "单个二维码" },
    responses: { 200: { description: "The code", schema: out.qrCode, example: ex.qrCodeExample } },
  },
  {
    method: "post", path: "/api/v1/qrcodes/{id}/renew", operationId: "renewQrCode", tag: "qrcodes", scope: "read-write", idempotent: true, pathParams: qrId,
    summary: { en: "Renew a temporary code, or retry a failed one", zh: "续期临时二维码，或重试创建失败的二维码" },
    description: { en: "A temporary code gets a new ticket valid for its full period from now, for the same scene. No body.", zh: "临时二维码获得新的 ticket，自现在起重新计算有效期，场景值不变。无需请求体。" },
    responses: {
      200: { description: "The renewed code", schema: out.qrCode, example: ex.qrCodeExample },
      409: { description: "An active permanent code: nothing to renew", schema: out.errorBody, example: { error: { code: "not_renewable", message: "This permanent code is active and never expires: there is nothing to renew" } } },
      502: { description: "WeChat refused: errcode, errmsg and what to do", schema: out.errorBody, example: ex.errorExamples.wechat_error },
    },
  },
  {
    method: "get", path: "/api/v1/qrcodes/{id}/image", operationId: "getQrCodeImage", tag: "qrcodes", scope: "read", pathParams: qrId,
    summary: { en: "Download the QR image (PNG or SVG)", zh: "下载二维码图片（PNG 或 SVG）" },
    query: qrImageQuery,
    responses: {
      200: { description: "The image, rendered locally from the code's url", contentType: "image/png" },
      409: { description: "The code has no working image (pending, failed or expired)", schema: out.errorBody, example: { error: { code: "no_image", message: "This code is expired: it has no working image; renew it first" } } },
    },
  },
  {
    method: "get", path: "/api/v1/followers/{openid}", operationId: "getFollower", tag: "followers", scope: "read",
    pathParams: { openid: { schema: z.string().min(1).max(128), description: "The follower's openid in this account", example: "oUser1" } },
    summary: { en: "Who brought this follower, when, and what happened since", zh: "粉丝查询：由谁带来、何时关注、之后发生了什么" },
    query: followerQuery,
    responses: { 200: { description: "The follower and one page of their events", schema: out.follower, example: ex.followerExample } },
  },
  {
    method: "get", path: "/api/v1/leaderboard", operationId: "getLeaderboard", tag: "stats", scope: "read", csv: true,
    summary: { en: "Promoters ranked over a day range", zh: "时间范围内的推广者排行" },
    query: z.object(leaderboardQueryFields),
    responses: { 200: { description: "Every promoter, ranked", schema: out.leaderboard, example: ex.leaderboardExample } },
  },
  {
    method: "get", path: "/api/v1/teams", operationId: "getTeamBoard", tag: "stats", scope: "read",
    summary: { en: "Teams ranked over a day range", zh: "团队榜（按日期范围）" },
    description: { en: "Every team of the account with its members' summed counts and new followers per member, from the daily rollups. A promoter counts for the team they are in now.", zh: "公众号的全部团队：成员合计与人均新增，来自每日汇总；推广者按其当前所属团队统计。" },
    query: z.object(teamsQueryFields),
    responses: { 200: { description: "Every team, ranked", schema: out.teamBoard, example: ex.teamBoardExample } },
  },
  {
    method: "get", path: "/api/v1/signals", operationId: "getSignals", tag: "stats", scope: "read",
    summary: { en: "Promoters flagged by fraud signals (last 30 days)", zh: "有异常信号（防刷）的推广者（近 30 天）" },
    description: {
      en: "The stored signals, recomputed every 10 minutes: quick unfollows (share of new followers who unfollowed within 24 h), bursts (minutes with more follows through one code than the threshold) and night hours (share of follows in the night window), with the thresholds they were judged by. Signals never change any count.",
      zh: "每 10 分钟重新计算的信号：快速取关（24 小时内取关的新粉丝比例）、突发关注（同一二维码每分钟关注超过阈值的分钟）和夜间集中（夜间关注比例），以及所用阈值。信号不会改变任何统计数字。",
    },
    responses: { 200: { description: "Every flagged promoter with the evidence numbers", schema: out.signalList, example: ex.signalListExample } },
  },
  {
    method: "get", path: "/api/v1/follows", operationId: "listFollows", tag: "stats", scope: "read", csv: true,
    summary: { en: "The attribution ledger, oldest first", zh: "归因明细（最早在前）" },
    query: z.object(followsQueryFields),
    responses: { 200: { description: "One page of ledger rows", schema: out.followList, example: ex.followListExample } },
  },
  ...WEBHOOK_OPERATIONS,
  {
    method: "get", path: "/api/v1/campaigns", operationId: "listCampaigns", tag: "campaigns", scope: "read",
    summary: { en: "The account's campaigns, latest window first", zh: "活动列表（最近的在前）" },
    description: { en: "Each with its status (from today in the account's time zone), enrolled codes and new followers inside its window so far.", zh: "每个活动附状态（按公众号时区的今天判断）、已登记二维码数与活动期内已带来的新增关注。" },
    responses: { 200: { description: "Every campaign", schema: out.campaignList, example: { data: [ex.campaignExample] } } },
  },
  {
    method: "post", path: "/api/v1/campaigns", operationId: "createCampaign", tag: "campaigns", scope: "read-write",
    summary: { en: "Create a campaign", zh: "新建活动" },
    description: { en: "A window of days in the account's time zone (both included) and an optional target. Codes are enrolled in the dashboard. A name already used answers 409 name_taken, so a retry never makes a second campaign.", zh: "按公众号时区的日期窗口（含首尾两天）与可选目标。二维码在后台登记。重名时返回 409 name_taken，重试不会重复创建。" },
    body: { schema: createCampaignBody, example: { name: "双十一", startDay: "2026-11-01", endDay: "2026-11-11", target: 5000 } },
    responses: {
      201: { description: "Created", schema: out.campaign, example: ex.campaignExample },
      409: { description: "A campaign of this name exists", schema: out.errorBody, example: { error: { code: "name_taken", message: "A campaign with this name exists" } } },
    },
  },
  {
    method: "get", path: "/api/v1/campaigns/{id}/leaderboard", operationId: "getCampaignLeaderboard", tag: "campaigns", scope: "read", pathParams: id("campaign", ex.campaignExample.id),
    summary: { en: "A campaign's promoters ranked over its window", zh: "活动排行榜" },
    description: { en: "From the attribution ledger: follows and scans through the campaign's codes inside its window, per credited promoter; follows through them outside the window are reported apart (outside, outsideFollows), never counted.", zh: "来自归因明细：活动期内经活动二维码的关注与扫码，按推广者统计；活动期外经这些二维码的关注单独列出（outside、outsideFollows），不计入活动。" },
    query: campaignBoardQuery,
    responses: { 200: { description: "One page of the board with the campaign's totals", schema: out.campaignBoard, example: ex.campaignBoardExample } },
  },
  {
    method: "get", path: "/api/v1/settlements", operationId: "listSettlements", tag: "settlements", scope: "read",
    summary: { en: "The account's settlement runs, latest first", zh: "结算记录（最近的在前）" },
    description: { en: "Each run settled a closed period (its last day plus qualifyDays have passed) and is locked: later events never change it and are settled as adjustments in the next run.", zh: "每次结算针对一个已结束的周期（最后一天之后再过 qualifyDays 天）并已锁定：之后的事件不会改变它，而是作为调整计入下一次结算。" },
    responses: { 200: { description: "Every run", schema: settle.settlementRunList, example: { data: [ex.settlementRunExample] } } },
  },
  {
    method: "get", path: "/api/v1/settlements/{id}", operationId: "getSettlement", tag: "settlements", scope: "read", pathParams: id("settlement run", ex.settlementRunExample.id),
    summary: { en: "A settlement run's lines per promoter", zh: "一次结算的推广者明细" },
    description: { en: "Per promoter: the period's first follows, qualified follows, unit price (null when prices differed), amount, adjustments from earlier periods and the total due. Amounts are yuan strings with two decimals.", zh: "每位推广者：周期内首次关注数、有效关注数、单价（单价不一致时为 null）、金额、来自之前周期的调整和应付合计。金额为保留两位小数的人民币元字符串。" },
    responses: { 200: { description: "The run and its lines, the most owed first", schema: settle.settlementRunDetail, example: ex.settlementDetailExample } },
  },
  {
    method: "get", path: "/api/v1/settlements/{id}/export", operationId: "exportSettlement", tag: "settlements", scope: "read", pathParams: id("settlement run", ex.settlementRunExample.id),
    summary: { en: "A run's payout sheet or follower evidence as CSV", zh: "导出付款单或粉丝明细 CSV" },
    description: { en: "sheet=lines: one row per promoter; sheet=evidence: one row per follow behind the lines (openid, scene, follow day and time, unfollow time, qualified and why, amount, adjustment). English headers, UTF-8 with BOM.", zh: "sheet=lines：每位推广者一行；sheet=evidence：每个关注一行（openid、场景、关注日期与时间、取消关注时间、是否有效及原因、金额、是否调整）。英文表头，UTF-8 带 BOM。" },
    query: settle.settlementExportQuery,
    responses: { 200: { description: "The CSV file", contentType: "text/csv" } },
  },
  {
    method: "get", path: "/api/v1/openapi.json", operationId: "getOpenApi", tag: "meta", scope: null,
    summary: { en: "This document (OpenAPI 3.1)", zh: "本文档（OpenAPI 3.1）" },
    responses: { 200: { description: "The OpenAPI document" } },
  },
];
