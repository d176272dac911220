import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "./api-operations";
import { apiReference, typeOf } from "./api-reference";

describe("apiReference", () => {
  it("lists every operation once, grouped by tag, with both languages", () => {
    const ops = apiReference().flatMap((g) => g.operations);
    expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual(API_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort());
    for (const op of ops) expect(op.summary.zh).toMatch(/[\u4e00-\u9fff]/);
    const create = ops.find((o) => o.anchor === "createQrCode")!;
    expect(create).toMatchObject({ scope: "read-write", idempotent: true });
    expect(create.body?.fields.map((f) => f.name)).toEqual(["kind", "label", "sceneStr", "expireSeconds"]);
    expect(create.body?.fields[0]).toMatchObject({ required: true, type: '"QR_LIMIT_SCENE" | "QR_LIMIT_STR_SCENE" | "QR_SCENE" | "QR_STR_SCENE"' });
  });

  it("writes short readable types", () => {
    expect(typeOf({ $ref: "#/components/schemas/Promoter" })).toBe("Promoter");
    expect(typeOf({ type: "array", items: { $ref: "#/components/schemas/QrCode" } })).toBe("QrCode[]");
    expect(typeOf({ anyOf: [{ type: "string", maxLength: 20 }, { type: "null" }] })).toBe("string (≤ 20) | null");
    expect(typeOf({ type: "integer", minimum: 1, maximum: 200 })).toBe("integer (1–200)");
    expect(typeOf({ type: "integer", minimum: 0, maximum: 9007199254740991 })).toBe("integer");
  });
});
