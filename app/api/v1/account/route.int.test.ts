import { describe, expect, it } from "vitest";
import { recordEvent } from "@/lib/attribution/record-event";
import { db } from "@/lib/db";
import { accountSummary } from "@/lib/rest-api/api-schemas";
import { apiTestKit, call } from "@/test/api-test-kit";
import { GET } from "./route";

const kit = apiTestKit();

describe("GET /api/v1/account", () => {
  it("summarises the key's account only: promoters, code budget, codes needing care, followers, 30 days", async () => {
    const now = Math.floor(Date.now() / 1000);
    const p = await db().promoter.create({ data: { accountId: kit.accountA, name: "Alice" } });
    await db().promoter.create({ data: { accountId: kit.accountA, name: "Gone", active: false } });
    await db().promoter.create({ data: { accountId: kit.accountB, name: "Other" } });
    await db().qrCode.create({ data: { accountId: kit.accountA, promoterId: p.id, sceneId: 1, sceneKey: "1", status: "active" } });
    await db().qrCode.create({ data: { accountId: kit.accountA, promoterId: p.id, kind: "QR_SCENE", sceneId: 100001, sceneKey: "100001", status: "active", expiresAt: new Date(Date.now() + 3600_000) } });
    await db().qrCode.create({ data: { accountId: kit.accountA, promoterId: p.id, kind: "QR_LIMIT_STR_SCENE", sceneStr: "x", sceneKey: "x", status: "failed", lastErrorCode: 48001 } });
    const account = { id: kit.accountA, timezone: "Asia/Shanghai" };
    await recordEvent(account, { fromUser: "o1", createTime: now - 60, event: "subscribe", eventKey: "qrscene_1", scene: "1", ticket: null });
    await recordEvent(account, { fromUser: "o2", createTime: now - 50, event: "subscribe", eventKey: null, scene: null, ticket: null });
    await recordEvent(account, { fromUser: "o2", createTime: now - 40, event: "unsubscribe", eventKey: null, scene: null, ticket: null });
    const response = await call(GET, "/api/v1/account", { key: kit.readKey });
    expect(response.status).toBe(200);
    const body = accountSummary.parse(await response.json());
    expect(body).toMatchObject({
      id: kit.accountA,
      name: "甲公众号",
      appId: "wx00000000000000a1",
      mode: "plain",
      promoters: { total: 2, active: 1 },
      qrCodes: { permanentUsed: 2, permanentLimit: 100000, permanentLeft: 99998, expiringSoon: 1, failed: 1 },
      followers: { following: 1, unfollowed: 1 },
      last30Days: { newFollowers: 2, organic: 1, unfollows: 1 }, // account-wide new followers include organic ones
    });
    const other = accountSummary.parse(await (await call(GET, "/api/v1/account", { key: kit.otherKey })).json());
    expect(other).toMatchObject({ id: kit.accountB, promoters: { total: 1 }, followers: { following: 0 } });
    expect((await call(GET, "/api/v1/account")).status).toBe(401);
  });
});
