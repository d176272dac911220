import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { drainAttribution } from "../attribute/drain-attribution";
import { getPipelineHealth } from "./get-pipeline-health";

let accountId = "";
const event = (i: number) => ({ accountId, fromUser: `o-health-${i}`, createTime: 1_764_000_000 + i, event: "subscribe", eventKey: "qrscene_404" });

beforeEach(async () => {
  await resetDatabase();
  accountId = (await db().account.create({ data: { name: "健康", appId: "wx1234567890abcdef", appSecretEnc: "x", tokenEnc: "x" } })).id;
});

describe("getPipelineHealth", () => {
  it("reports the backlog and how far behind it is, then the lag once attributed", async () => {
    const received = new Date(Date.now() - 30_000);
    await db().wechatEvent.createMany({ data: [0, 1, 2].map((i) => ({ ...event(i), receivedAt: received })) });
    const behind = await getPipelineHealth(accountId);
    expect(behind).toMatchObject({ backlog: 3, status: "lagging", lagP50Ms: null });
    expect(behind.behindSeconds).toBeGreaterThanOrEqual(29);

    await drainAttribution();
    const caughtUp = await getPipelineHealth(accountId);
    expect(caughtUp).toMatchObject({ backlog: 0, behindSeconds: 0, status: "ok" });
    expect(caughtUp.lagP99Ms).toBeGreaterThanOrEqual(29_000); // acknowledged 30 s before the drain
    expect(await db().attribution.count({ where: { accountId, kind: "unknown_scene" } })).toBe(3);
  });

  it("is scoped to the account", async () => {
    await db().wechatEvent.create({ data: event(9) });
    const other = await db().account.create({ data: { name: "另一个", appId: "wxabcdef1234567890", appSecretEnc: "x", tokenEnc: "x" } });
    expect((await getPipelineHealth(other.id)).backlog).toBe(0);
    expect((await getPipelineHealth()).backlog).toBe(1);
  });
});
