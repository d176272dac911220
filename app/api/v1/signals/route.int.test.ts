import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { signalList } from "@/lib/rest-api/api-schemas";
import { resetDatabase } from "@/test/reset-database";
import { GET } from "./route";

let key = "";
let otherKey = "";
const ids: Record<string, string> = {};
const call = (bearer: string | null) => GET(new Request("http://app.test/api/v1/signals", { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }));
const computedAt = new Date("2026-12-05T02:10:00.000Z");
const signal = (accountId: string, promoterId: string, flags: { quickFlag?: boolean; burstFlag?: boolean }) => ({
  accountId, promoterId, fromDay: "2026-11-06", toDay: "2026-12-05", flagged: Boolean(flags.quickFlag || flags.burstFlag), ...flags,
  newFollowers: 12, quickUnfollows: 5, follows: 12, nightFollows: 0, burstMinutes: flags.burstFlag ? 1 : 0, burstFollows: flags.burstFlag ? 12 : 0,
  worstBursts: JSON.stringify(flags.burstFlag ? [{ at: "2026-12-04T22:01:00.000Z", qrCodeId: null, sceneKey: null, count: 12 }] : []), computedAt,
});

beforeEach(async () => {
  await resetDatabase();
  const accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000s1", appSecretEnc: "x", tokenEnc: "x" } })).id;
  const otherId = (await db().account.create({ data: { name: "B", appId: "wx00000000000000s2", appSecretEnc: "x", tokenEnc: "x" } })).id;
  key = (await createApiKey({ name: "signals", accountId }, { email: "ops@example.com" })).key;
  otherKey = (await createApiKey({ name: "other", accountId: otherId }, { email: "ops@example.com" })).key;
  for (const [name, account] of [["甲", accountId], ["乙", accountId], ["丙", otherId]] as const) ids[name] = (await db().promoter.create({ data: { accountId: account, name } })).id;
  await db().promoterSignal.createMany({ data: [signal(accountId, ids["甲"], { quickFlag: true, burstFlag: true }), signal(accountId, ids["乙"], {}), signal(otherId, ids["丙"], { quickFlag: true })] });
  await db().signalSettings.create({ data: { accountId, burstPerMinute: 11 } });
});

describe("GET /api/v1/signals", () => {
  it("lists the key's account's flagged promoters with the evidence and the thresholds", async () => {
    const response = await call(key);
    expect(response.status).toBe(200);
    const body = signalList.parse(await response.json());
    expect(body).toMatchObject({ from: "2026-11-06", to: "2026-12-05", timezone: "Asia/Shanghai", computedAt: computedAt.toISOString(), thresholds: { burstPerMinute: 11, quickUnfollowPct: 30 } });
    expect(body.data).toEqual([{ promoterId: ids["甲"], name: "甲", signals: ["quick", "burst"], newFollowers: 12, quickUnfollows: 5, follows: 12, nightFollows: 0, burstMinutes: 1, burstFollows: 12, worstBursts: [{ at: "2026-12-04T22:01:00.000Z", qrCodeId: null, sceneKey: null, count: 12 }] }]);
    expect((await (await call(otherKey)).json()).data.map((d: { name: string }) => d.name)).toEqual(["丙"]);
  });

  it("needs an API key", async () => {
    expect((await call(null)).status).toBe(401);
  });
});
