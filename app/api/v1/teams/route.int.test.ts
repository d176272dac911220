import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { teamBoard } from "@/lib/rest-api/api-schemas";
import { resetDatabase } from "@/test/reset-database";
import { GET as getLeaderboard } from "../leaderboard/route";
import { GET } from "./route";

let accountId = "";
let key = "";
let otherKey = "";
const ids: Record<string, string> = {};
const call = (handler: typeof GET, path: string, bearer = key) => handler(new Request(`http://app.test${path}`, { headers: { authorization: `Bearer ${bearer}` } }));

beforeEach(async () => {
  await resetDatabase();
  accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000t1", appSecretEnc: "x", tokenEnc: "x" } })).id;
  const otherId = (await db().account.create({ data: { name: "B", appId: "wx00000000000000t2", appSecretEnc: "x", tokenEnc: "x" } })).id;
  key = (await createApiKey({ name: "teams", accountId }, { email: "ops@example.com" })).key;
  otherKey = (await createApiKey({ name: "other", accountId: otherId }, { email: "ops@example.com" })).key;
  const east = await db().team.create({ data: { accountId, name: "东区" } });
  ids.east = east.id;
  for (const [name, n, teamId] of [["甲", 6, east.id], ["乙", 2, east.id], ["丙", 5, null]] as const) {
    const p = await db().promoter.create({ data: { accountId, name, teamId } });
    ids[name] = p.id;
    await db().promoterDailyStat.create({ data: { accountId, promoterId: p.id, day: "2026-03-02", newFollowers: n, qualified: n - 1 } });
  }
  await db().team.update({ where: { id: east.id }, data: { leadId: ids["甲"] } });
  await db().team.create({ data: { accountId: otherId, name: "别人的队" } });
});

describe("GET /api/v1/teams", () => {
  it("ranks the key's account's teams with sums and new followers per member, as the document describes", async () => {
    const response = await call(GET, "/api/v1/teams?from=2026-03-01&to=2026-03-31&sort=perCapita");
    expect(response.status).toBe(200);
    const body = teamBoard.parse(await response.json());
    expect(body.data).toEqual([{ rank: 1, teamId: ids.east, name: "东区", leadId: ids["甲"], leadName: "甲", members: 2, newFollowers: 8, unfollows: 0, net: 8, scans: 0, perCapita: 4, qualified: 6 }]);
  });

  it("refuses a bad sort or range and a missing key", async () => {
    expect((await call(GET, "/api/v1/teams?sort=bogus")).status).toBe(400);
    expect((await call(GET, "/api/v1/teams?from=2026-03-31&to=2026-03-01")).status).toBe(400);
    expect((await call(GET, "/api/v1/teams", "sk_nope")).status).toBe(401);
  });
});

describe("GET /api/v1/leaderboard?team=", () => {
  it("ranks one team's members among themselves, names each row's team, and never another account's team", async () => {
    const body = await (await call(getLeaderboard, `/api/v1/leaderboard?from=2026-03-01&to=2026-03-31&team=${ids.east}`)).json();
    expect(body.data.map((r: { rank: number; name: string; teamName: string }) => [r.rank, r.name, r.teamName])).toEqual([[1, "甲", "东区"], [2, "乙", "东区"]]);
    const all = await (await call(getLeaderboard, "/api/v1/leaderboard?from=2026-03-01&to=2026-03-31")).json();
    expect(all.data.find((r: { name: string }) => r.name === "丙").teamName).toBeNull();
    expect((await call(getLeaderboard, `/api/v1/leaderboard?team=${ids.east}`, otherKey)).status).toBe(404);
  });
});
