// Builds the OpenAPI 3.1 document of /api/v1 from API_OPERATIONS: schemas come from zod
// (z.toJSONSchema, JSON Schema 2020-12, which OpenAPI 3.1 uses as is), so the document is
// generated from the same schemas the handlers parse and answer with.
import { z } from "zod";
import { promoterSchema } from "../promoters/promoter-schema";
import * as out from "../rest-api/api-schemas";
import { createQrCodeBody } from "../rest-api/create-api-qrcode";
import { promoterPatchBody } from "../rest-api/patch-api-promoter";
import { API_OPERATIONS, type ApiOperation, type ApiResponseSpec } from "./api-operations";
import { errorExamples } from "./api-examples";
import { API_TAGS } from "./api-tags";
import { WEBHOOK_COMPONENTS } from "./webhook-operations";

type Json = Record<string, unknown>;

// Named schemas become components; every other use of them is a $ref.
const COMPONENTS: [string, z.ZodType][] = [
  ["Error", out.errorBody], ["WechatError", out.wechatError], ["Counts", out.counts],
  ["Promoter", out.promoter], ["PromoterList", out.promoterList], ["QrCode", out.qrCode], ["QrCodeList", out.qrCodeList],
  ["LeaderboardRow", out.leaderboardRow], ["Leaderboard", out.leaderboard], ["Follow", out.follow], ["FollowList", out.followList],
  ["FollowerEvent", out.followerEvent], ["Follower", out.follower], ["AccountSummary", out.accountSummary],
  ["CreatePromoterRequest", promoterSchema], ["UpdatePromoterRequest", promoterPatchBody], ["CreateQrCodeRequest", createQrCodeBody],
  ...WEBHOOK_COMPONENTS,
];

const registry = z.registry<{ id: string }>();
for (const [id, schema] of COMPONENTS) registry.add(schema, { id });
const ref = (id: string) => `#/components/schemas/${id}`;

function strip({ $schema: _s, $id: _i, ...rest }: Json): Json {
  return rest;
}

function schemaOf(schema: z.ZodType): Json {
  const named = registry.get(schema)?.id;
  if (named) return { $ref: ref(named) };
  return strip(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json);
}

function parameter(name: string, where: "query" | "path" | "header", field: z.ZodType, required: boolean, extra: Json = {}): Json {
  const { description, example, ...schema } = schemaOf(field);
  return { name, in: where, required, ...(description ? { description } : {}), schema, ...(example !== undefined ? { example } : {}), ...extra };
}

function parametersOf(op: ApiOperation): Json[] {
  const params: Json[] = [];
  for (const [name, p] of Object.entries(op.pathParams ?? {})) params.push(parameter(name, "path", p.schema, true, { description: p.description, example: p.example }));
  for (const [name, field] of Object.entries(op.query?.shape ?? {})) params.push(parameter(name, "query", field as z.ZodType, !(field as z.ZodType).safeParse(undefined).success));
  if (op.idempotent) {
    params.push(parameter("Idempotency-Key", "header", z.string().regex(/^[\x21-\x7e]{1,255}$/), false, {
      description: "Makes a retry safe: the same key and body within 24 h get the first answer (header Idempotent-Replayed: true) and create nothing more. Scoped to the API key.",
      example: "5f0c9a2e-3c1b-4f5e-9d7a-2b8e1c4d6f70",
    }));
  }
  return params;
}

const errorResponse = (description: string, example: unknown): ApiResponseSpec => ({ description, schema: out.errorBody, example });

function responsesOf(op: ApiOperation): Record<string, ApiResponseSpec> {
  const all: Record<string, ApiResponseSpec> = { ...op.responses };
  const add = (status: number, spec: ApiResponseSpec) => (all[status] ??= spec);
  if (op.query || op.body || op.pathParams) add(400, errorResponse("Invalid input: details lists each field and why", errorExamples.bad_request));
  if (op.scope) add(401, errorResponse("Missing, unknown, revoked or expired API key", errorExamples.unauthorized));
  if (op.scope === "read-write") add(403, errorResponse("The key is read-only", errorExamples.forbidden));
  if (op.pathParams) add(404, errorResponse("Not found in the key's account", errorExamples.not_found));
  if (op.idempotent) {
    add(409, errorResponse("A request with the same Idempotency-Key is still running", errorExamples.idempotency_in_progress));
    if (all[409].example !== errorExamples.idempotency_in_progress) all[409] = { ...all[409], description: `${all[409].description}; or a request with the same Idempotency-Key is still running (idempotency_in_progress)` };
    add(422, errorResponse("The Idempotency-Key was used with a different request", errorExamples.idempotency_key_reused));
  }
  if (op.body) add(413, errorResponse("Body too large", { error: { code: "payload_too_large", message: "Body over 16384 bytes" } }));
  if (op.scope) add(429, errorResponse("Past the key's rate limit (burst 120, then 2 a second); see Retry-After", errorExamples.rate_limited));
  return all;
}

function responseObject(op: ApiOperation, spec: ApiResponseSpec, status: string): Json {
  if (op.operationId === "getQrCodeImage" && status === "200") {
    return { description: spec.description, content: { "image/png": { schema: { type: "string", contentMediaType: "image/png" } }, "image/svg+xml": { schema: { type: "string", contentMediaType: "image/svg+xml" } } } };
  }
  if (status === "204") return { description: spec.description };
  if (spec.contentType === "text/csv") return { description: spec.description, content: { "text/csv": { schema: { type: "string", description: "UTF-8 with BOM" } } } };
  if (!spec.schema) return { description: spec.description, content: { "application/json": { schema: { type: "object" } } } };
  const content: Json = { "application/json": { schema: schemaOf(spec.schema), ...(spec.example !== undefined ? { example: spec.example } : {}) } };
  if (op.csv && status === "200") content["text/csv"] = { schema: { type: "string", description: "UTF-8 with BOM: ?format=csv or Accept: text/csv" } };
  return { description: spec.description, content };
}

function operationObject(op: ApiOperation): Json {
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary.en,
    ...(op.description ? { description: op.description.en } : {}),
    "x-zh-CN": { summary: op.summary.zh, ...(op.description ? { description: op.description.zh } : {}) },
    "x-scope": op.scope ?? "public",
    security: op.scope ? [{ apiKey: [] }] : [],
    parameters: parametersOf(op),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body.schema), example: op.body.example } } } } : {}),
    responses: Object.fromEntries(Object.entries(responsesOf(op)).map(([status, spec]) => [status, responseObject(op, spec, status)])),
  };
}

let cached: Json | undefined;

/** The OpenAPI 3.1 document of every /api/v1 operation (built once per process). */
export function openApiDocument(): Json {
  if (cached) return cached;
  const { schemas } = z.toJSONSchema(registry, { io: "input", unrepresentable: "any", uri: ref });
  const paths: Record<string, Json> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Scenecode REST API",
      version: "1",
      description: "场景码 Scenecode: which promoter brought each WeChat Official Account follower. Every key acts on one Official Account; errors use one envelope { error: { code, message, details? } }.",
    },
    servers: [{ url: "/" }],
    tags: API_TAGS.map((t) => ({ name: t.name, description: t.en, "x-zh-CN": t.zh })),
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Authorization: Bearer sk_… — create keys on the API keys page or with npm run cli -- apikey:create" } },
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, strip(s as Json)])),
    },
  };
  return cached;
}
