// The API reference page's view of the OpenAPI document: operations grouped by tag, with readable
// types for parameters and body fields. Read from the served document, so page and JSON agree.
import { openApiDocument } from "./build-openapi";
import { API_TAGS } from "./api-tags";

type Json = Record<string, unknown>;
export type ReferenceField = { name: string; in: string; required: boolean; type: string; description: string };
export type ReferenceOperation = {
  anchor: string;
  method: string;
  path: string;
  summary: { en: string; zh: string };
  description: { en: string; zh: string } | null;
  scope: "read" | "read-write" | "public";
  idempotent: boolean;
  csv: boolean;
  parameters: ReferenceField[];
  body: { fields: ReferenceField[]; example: string } | null;
  responses: { status: string; description: string; example: string | null }[];
};

const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A short type for a JSON Schema: `string`, `integer (1–200)`, `"a" | "b"`, `Promoter[]`, `string | null`. */
export function typeOf(schema: Json | undefined): string {
  if (!schema) return "any";
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(" | ");
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items as Json)}[]`;
  const range = typeof schema.minimum === "number" && typeof schema.maximum === "number" && schema.maximum < 1e15 ? ` (${schema.minimum}–${schema.maximum})` : "";
  const length = typeof schema.maxLength === "number" ? ` (≤ ${schema.maxLength})` : "";
  return `${String(schema.type ?? "object")}${range || length}`;
}

function bodyFields(schema: Json, components: Record<string, Json>): ReferenceField[] {
  const resolved = typeof schema.$ref === "string" ? components[refName(schema.$ref)] : schema;
  const required = new Set((resolved?.required as string[] | undefined) ?? []);
  return Object.entries((resolved?.properties as Record<string, Json> | undefined) ?? {}).map(([name, field]) => ({
    name, in: "body", required: required.has(name), type: typeOf(field), description: String(field.description ?? ""),
  }));
}

const pretty = (value: unknown) => (value === undefined ? null : JSON.stringify(value, null, 2));

/** Every operation of the document, grouped in the tags' order. */
export function apiReference() {
  const doc = openApiDocument() as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };
  const operations: (ReferenceOperation & { tag: string })[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const zh = op["x-zh-CN"] as { summary: string; description?: string };
      const params = (op.parameters as Json[]) ?? [];
      const body = (op.requestBody as { content: Record<string, Json> } | undefined)?.content["application/json"];
      operations.push({
        tag: (op.tags as string[])[0],
        anchor: String(op.operationId),
        method: method.toUpperCase(),
        path,
        summary: { en: String(op.summary), zh: zh.summary },
        description: op.description ? { en: String(op.description), zh: zh.description ?? String(op.description) } : null,
        scope: op["x-scope"] as ReferenceOperation["scope"],
        idempotent: params.some((p) => p.name === "Idempotency-Key"),
        csv: Object.values(op.responses as Record<string, { content?: Json }>).some((r) => r.content && "text/csv" in r.content),
        parameters: params.map((p) => ({ name: String(p.name), in: String(p.in), required: Boolean(p.required), type: typeOf(p.schema as Json), description: String(p.description ?? "") })),
        body: body ? { fields: bodyFields(body.schema as Json, doc.components.schemas), example: pretty(body.example) ?? "" } : null,
        responses: Object.entries(op.responses as Record<string, { description: string; content?: Record<string, Json> }>).map(([status, r]) => ({
          status, description: r.description, example: pretty(r.content?.["application/json"]?.example),
        })),
      });
    }
  }
  return API_TAGS.map((tag) => ({ ...tag, operations: operations.filter((op) => op.tag === tag.name) })).filter((t) => t.operations.length);
}
