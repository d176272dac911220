import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "./build-openapi";

type Json = Record<string, unknown>;
const doc = openApiDocument() as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };
const V1 = path.join(process.cwd(), "app", "api", "v1");

/** Every route file under app/api/v1 with the methods it exports, as OpenAPI paths. */
function routesOnDisk(dir = V1): { path: string; methods: string[] }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routesOnDisk(full);
    if (entry.name !== "route.ts") return [];
    const source = fs.readFileSync(full, "utf8");
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
    const route = "/" + path.relative(path.join(process.cwd(), "app"), dir).split(path.sep).join("/").replace(/\[([^\]]+)\]/g, "{$1}");
    return [{ path: route, methods }];
  });
}

// The document's schema for `schema`, with its $refs resolved against the components, as a zod validator.
function validator(schema: Json) {
  const rewrite = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll("#/components/schemas/", "#/$defs/"));
  return z.fromJSONSchema({ ...rewrite(schema), $defs: rewrite(doc.components.schemas) });
}

/** Every `example` in the document with the schema it must satisfy (its sibling `schema`, or the schema it sits in). */
function examplesIn(node: unknown, at: string, found: { at: string; example: unknown; schema: Json }[] = []) {
  if (Array.isArray(node)) node.forEach((item, i) => examplesIn(item, `${at}/${i}`, found));
  else if (node && typeof node === "object") {
    const object = node as Json;
    if ("example" in object) {
      const { example, ...rest } = object;
      found.push({ at, example, schema: (object.schema as Json | undefined) ?? rest });
    }
    for (const [key, value] of Object.entries(object)) if (key !== "example") examplesIn(value, `${at}/${key}`, found);
  }
  return found;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with unique operation ids", () => {
    expect(openApiDocument().openapi).toBe("3.1.0");
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes every route and method under app/api/v1, and nothing else", () => {
    const onDisk = routesOnDisk();
    expect(onDisk.length).toBeGreaterThanOrEqual(10);
    for (const route of onDisk) {
      expect(route.methods.length, `${route.path} exports no method`).toBeGreaterThan(0);
      for (const method of route.methods) expect(doc.paths[route.path]?.[method], `${method.toUpperCase()} ${route.path} is missing`).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(onDisk.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort());
  });

  it("has an example for every JSON request body and success answer", () => {
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const body = (op.requestBody as { content: Record<string, Json> } | undefined)?.content["application/json"];
        if (body) expect(body.example, `${method} ${p} body`).toBeDefined();
        for (const [status, response] of Object.entries(op.responses as Record<string, { content?: Record<string, Json> }>)) {
          const json = response.content?.["application/json"];
          if (json && (json.schema as Json).$ref) expect(json.example, `${method} ${p} ${status}`).toBeDefined();
        }
      }
    }
  });

  it("has examples that all validate against their schemas", () => {
    const examples = examplesIn(doc, "#");
    expect(examples.length).toBeGreaterThan(40);
    const invalid = examples.filter(({ example, schema }) => !validator(schema).safeParse(example).success).map((e) => e.at);
    expect(invalid).toEqual([]);
  });

  it("would catch an example that does not match (the check is not vacuous)", () => {
    const promoter = doc.components.schemas.Promoter;
    expect(validator({ $ref: "#/components/schemas/Promoter" }).safeParse({ id: "x" }).success).toBe(false);
    expect(validator(promoter).safeParse({ ...(doc.paths["/api/v1/promoters/{id}"].get.responses as Record<string, { content: Record<string, Json> }>)["200"].content["application/json"].example as Json, counts: null }).success).toBe(false);
  });
});
