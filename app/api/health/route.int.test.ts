import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => null })); // no browser session here
const { GET } = await import("./route");

let key = "";
beforeEach(async () => {
  await resetDatabase();
  const account = await db().account.create({ data: { name: "健康", appId: "wx1234567890abcdef", appSecretEnc: "x", tokenEnc: "x" } });
  await db().wechatEvent.create({ data: { accountId: account.id, fromUser: "o1", createTime: 1_764_000_000, event: "subscribe" } });
  key = (await createApiKey({ name: "monitor", accountId: account.id }, { email: "t" })).key;
});

describe("GET /api/health", () => {
  it("tells an anonymous probe only that it is alive", async () => {
    const body = await (await GET(new Request("http://x/api/health"))).json();
    expect(body).toEqual({ ok: true, database: expect.any(String) });
  });

  it("adds the pipeline's backlog and lag for an API key", async () => {
    const response = await GET(new Request("http://x/api/health", { headers: { authorization: `Bearer ${key}` } }));
    expect((await response.json()).pipeline).toMatchObject({ backlog: 1, lagP99Ms: null });
  });

  it("treats a wrong key as anonymous", async () => {
    const body = await (await GET(new Request("http://x/api/health", { headers: { authorization: "Bearer sk_nope" } }))).json();
    expect(body.pipeline).toBeUndefined();
  });
});
