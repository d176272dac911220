// The /api/v1/webhooks operations and their named schemas, kept beside the other operations'
// list (api-operations.ts spreads them in) so the webhook feature stays in a file of its own.
import { z } from "zod";
import { endpointSchema } from "../webhooks/endpoint-schema";
import { webhookCreated, webhookEndpoint, webhookEndpointList } from "../webhooks/webhook-api";
import type { ApiOperation } from "./api-operations";

const endpointExample = {
  id: "cmh0webhook0001", url: "https://crm.example.com/scenecode", description: "CRM", events: ["follow", "unfollow"], enabled: true,
  secretHint: "whsec_…Xy9Q", createdAt: "2026-11-21T08:30:00.000Z", pending: 0, failed: 0,
};

export const WEBHOOK_COMPONENTS: [string, z.ZodType][] = [
  ["WebhookEndpoint", webhookEndpoint], ["WebhookEndpointList", webhookEndpointList], ["WebhookCreated", webhookCreated], ["CreateWebhookRequest", endpointSchema],
];

const SIGNING = {
  en: "Each event is a JSON POST {id, type, occurredAt, account, data: {openid, kind, promoter, scene, team}} with headers X-Scenecode-Event, X-Scenecode-Event-Id (stable: retries and redeliveries repeat it), X-Scenecode-Delivery, X-Scenecode-Timestamp and X-Scenecode-Signature: sha256=HMAC-SHA256(secret, `${timestamp}.${body}`). A 2xx answer within 10 s delivers it; otherwise it is retried with exponential backoff for 24 h. At least once: deduplicate on the event id.",
  zh: "每个事件以 JSON POST 发送 {id, type, occurredAt, account, data: {openid, kind, promoter, scene, team}}，请求头含 X-Scenecode-Event、X-Scenecode-Event-Id（稳定：重试与重新投递保持不变）、X-Scenecode-Delivery、X-Scenecode-Timestamp 与 X-Scenecode-Signature: sha256=HMAC-SHA256(密钥, `${timestamp}.${body}`)。10 秒内返回 2xx 即送达，否则按指数退避重试 24 小时。至少一次投递：请按事件 id 去重。",
};

export const WEBHOOK_OPERATIONS: ApiOperation[] = [
  {
    method: "get", path: "/api/v1/webhooks", operationId: "listWebhooks", tag: "webhooks", scope: "read",
    summary: { en: "The account's webhook endpoints", zh: "公众号的 Webhook 接收地址" },
    description: SIGNING,
    responses: { 200: { description: "Every endpoint, oldest first (secrets masked)", schema: webhookEndpointList, example: { data: [endpointExample] } } },
  },
  {
    method: "post", path: "/api/v1/webhooks", operationId: "createWebhook", tag: "webhooks", scope: "read-write",
    summary: { en: "Register a webhook endpoint", zh: "登记 Webhook 接收地址" },
    description: { en: "The answer carries the signing secret, the only time it is shown. Only http(s) URLs; loopback and private addresses are refused unless the server sets WEBHOOK_ALLOW_PRIVATE_TARGETS=1. At most 10 per account.", zh: "响应中包含签名密钥，仅此一次。只接受 http(s) 地址；除非服务器设置 WEBHOOK_ALLOW_PRIVATE_TARGETS=1，否则拒绝本机与内网地址。每个公众号最多 10 个。" },
    body: { schema: endpointSchema, example: { url: "https://crm.example.com/scenecode", description: "CRM", events: ["follow", "unfollow"] } },
    responses: { 201: { description: "Created, with its secret", schema: webhookCreated, example: { ...endpointExample, secret: "whsec_3q2b0y1n8Vt9c4kLpZrM5sW7eXy9Q" } } },
  },
  {
    method: "delete", path: "/api/v1/webhooks/{id}", operationId: "deleteWebhook", tag: "webhooks", scope: "read-write",
    pathParams: { id: { schema: z.string().min(1).max(64), description: "The endpoint's id", example: endpointExample.id } },
    summary: { en: "Remove a webhook endpoint and its delivery log", zh: "删除 Webhook 接收地址及其投递记录" },
    responses: { 204: { description: "Removed" } },
  },
];
