// The API reference page (/api-docs), in both languages. Operation summaries come from the OpenAPI document.
import type { Widen } from "../widen";

const zh = {
  title: "API 文档",
  intro: "场景码的 REST API（/api/v1）供 CRM、报表和运维脚本调用。本页与 OpenAPI 3.1 文档由同一份接口定义生成。",
  download: "下载 OpenAPI 文档（openapi.json）",
  keysLink: "创建 API 密钥",
  contents: "目录",
  basicsTitle: "基本约定",
  basics: {
    auth: "每个请求携带 Authorization: Bearer sk_…。每个密钥只作用于创建时选定的一个公众号；访问其他公众号的数据一律返回 404。",
    scopes: "只读密钥可以查询；新建、修改、续期需要读写密钥，否则返回 403。",
    idempotency: "新建类请求可带 Idempotency-Key 请求头：24 小时内用同一个键、同样的请求体重试，会得到第一次的结果，不会再消耗永久二维码额度；同一个键换了请求体返回 422。",
    cursors: "列表按游标分页：把返回的 nextCursor 原样作为 cursor 传回，直到它为 null；翻页期间新增的数据不会造成遗漏或重复。",
    errors: "错误统一为 { error: { code, message, details } }。微信接口报错时附带 errcode 和中英文处理建议。",
    rateLimit: "每个密钥可瞬时发出 120 个请求，之后每秒 2 个；超出返回 429 和 Retry-After。",
  },
  scope: { read: "只读密钥", "read-write": "需要读写密钥", public: "无需密钥" },
  idempotent: "支持 Idempotency-Key",
  csv: "支持 CSV（?format=csv）",
  parameters: "参数",
  requestBody: "请求体",
  responses: "响应",
  example: "示例",
  columns: { name: "名称", in: "位置", required: "必填", type: "类型", description: "说明" },
  where: { path: "路径", query: "查询", header: "请求头", body: "请求体" },
  yes: "是",
  no: "否",
  fieldNotes: "字段说明为英文，与 OpenAPI 文档一致。",
} as const;

const en: Widen<typeof zh> = {
  title: "API reference",
  intro: "Scenecode's REST API (/api/v1) for CRMs, reports and ops scripts. This page and the OpenAPI 3.1 document are generated from the same definitions.",
  download: "Download the OpenAPI document (openapi.json)",
  keysLink: "Create an API key",
  contents: "Contents",
  basicsTitle: "Basics",
  basics: {
    auth: "Send Authorization: Bearer sk_… with every request. A key acts on the one Official Account chosen when it was created; any other account's data answers 404.",
    scopes: "A read-only key can read; creating, changing and renewing need a read-write key (403 otherwise).",
    idempotency: "Creating calls accept an Idempotency-Key header: a retry within 24 hours with the same key and body gets the first answer and spends no second permanent code; the same key with another body answers 422.",
    cursors: "Lists page with cursors: pass the nextCursor you got back as cursor until it is null; rows added meanwhile cause no gaps or repeats.",
    errors: "Errors use one envelope, { error: { code, message, details } }. WeChat's errors carry the errcode and what to do, in Chinese and English.",
    rateLimit: "Each key may burst 120 requests, then make 2 a second; past that it gets 429 with Retry-After.",
  },
  scope: { read: "Read-only key", "read-write": "Read-write key", public: "No key" },
  idempotent: "Idempotency-Key",
  csv: "CSV (?format=csv)",
  parameters: "Parameters",
  requestBody: "Request body",
  responses: "Responses",
  example: "Example",
  columns: { name: "Name", in: "In", required: "Required", type: "Type", description: "Description" },
  where: { path: "path", query: "query", header: "header", body: "body" },
  yes: "yes",
  no: "no",
  fieldNotes: "Field descriptions are in English, as in the OpenAPI document.",
};

export const apiDocsMessages = { "zh-CN": zh, en };
