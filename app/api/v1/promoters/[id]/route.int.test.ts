import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { GET } from "./route";

let accountId = "";
let otherAccountId = "";
let key = "";

const get = (id: string, authorization = `Bearer ${key}`) =>
  GET(new Request(`http://app.test/api/v1/promoters/${encodeURIComponent(id)}`, { headers: { authorization } }), { params: Promise.resolve({ id }) });

async function seedPromoter(account: string, name: string) {
  const promoter = await db().promoter.create({ data: { accountId: account, name } });
  await db().qrCode.create({
    data: { accountId: account, promoterId: promoter.id, sceneId: 7, sceneKey: "7", status: "failed", lastErrorCode: 45009, lastErrorMsg: "reach max api daily quota limit" },
  });
  await db().promoterDailyStat.create({ data: { accountId: account, promoterId: promoter.id, day: "2026-03-01", newFollowers: 4, refollows: 1, unfollows: 2, scans: 6 } });
  return promoter.id;
}

beforeEach(async () => {
  await resetDatabase();
  accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000a1", appSecretEnc: "x", tokenEnc: "x" } })).id;
  otherAccountId = (await db().account.create({ data: { name: "另一个", appId: "wx00000000000000b2", appSecretEnc: "x", tokenEnc: "x" } })).id;
  key = (await createApiKey({ name: "integration", accountId }, { email: "ops@example.com" })).key;
});

describe("GET /api/v1/promoters/[id]", () => {
  it("returns one promoter of the key's account with counts and the QR error hint", async () => {
    const id = await seedPromoter(accountId, "Alice");
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id,
      name: "Alice",
      scene: { id: 7, key: "7", kind: "QR_LIMIT_SCENE" },
      qrCode: { status: "failed", url: null, error: { errcode: 45009, errmsg: "reach max api daily quota limit", hint: { en: expect.stringContaining("quota") } } },
      counts: { newFollowers: 4, refollows: 1, unfollows: 2, net: 2, scans: 6, backfilled: 0 },
    });
  });

  it("answers 404 for another account's promoter and for unknown ids", async () => {
    const foreign = await seedPromoter(otherAccountId, "Mallory");
    for (const id of [foreign, "does-not-exist"]) {
      const response = await get(id);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "No such promoter" } });
    }
  });

  it("answers 401 without a valid key", async () => {
    const id = await seedPromoter(accountId, "Alice");
    const response = await get(id, "Bearer nope");
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });
});
