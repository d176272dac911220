import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { lastDays } from "@/lib/stats/day";
import { resetDatabase } from "@/test/reset-database";
import { GET } from "./route";

let accountId = "";
let key = "";
const ids: Record<string, string> = {};

const get = (query = "", headers: Record<string, string> = {}) =>
  GET(new Request(`http://app.test/api/v1/leaderboard${query}`, { headers: { authorization: `Bearer ${key}`, ...headers } }));

async function seed(name: string, createdAt: string, stats: { day: string; newFollowers?: number; unfollows?: number; scans?: number; retained7?: number; qualified?: number }[]) {
  const promoter = await db().promoter.create({ data: { accountId, name, createdAt: new Date(createdAt) } });
  for (const s of stats) await db().promoterDailyStat.create({ data: { accountId, promoterId: promoter.id, ...s } });
  ids[name] = promoter.id;
}

beforeEach(async () => {
  await resetDatabase();
  accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000a1", appSecretEnc: "x", tokenEnc: "x", timezone: "America/New_York" } })).id;
  key = (await createApiKey({ name: "integration", accountId }, { email: "ops@example.com" })).key;
  await seed("Alice", "2026-01-01T00:00:00Z", [{ day: "2026-03-01", newFollowers: 5, unfollows: 4, retained7: 1 }, { day: "2026-04-15", newFollowers: 50 }]);
  await seed("Bob", "2026-01-02T00:00:00Z", [{ day: "2026-03-02", newFollowers: 3, scans: 9, qualified: 2 }]);
  await seed("王五, 北京", "2026-01-03T00:00:00Z", []);
});

describe("GET /api/v1/leaderboard", () => {
  it("ranks promoters over the range by newFollowers, with every promoter listed", async () => {
    const response = await get("?from=2026-03-01&to=2026-03-31");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ from: "2026-03-01", to: "2026-03-31", timezone: "America/New_York" });
    expect(body.data.map((r: { name: string }) => r.name)).toEqual(["Alice", "Bob", "王五, 北京"]);
    expect(body.data[0]).toMatchObject({ rank: 1, promoterId: ids.Alice, newFollowers: 5, unfollows: 4, net: 1, scans: 0 });
  });

  it("sorts by another metric", async () => {
    const body = await (await get("?from=2026-03-01&to=2026-03-31&sort=net")).json();
    expect(body.data.map((r: { name: string; net: number }) => [r.name, r.net])).toEqual([["Bob", 3], ["Alice", 1], ["王五, 北京", 0]]);
    const qualified = await (await get("?from=2026-03-01&to=2026-03-31&sort=qualified")).json();
    expect(qualified.data.map((r: { name: string; qualified: number }) => [r.name, r.qualified])).toEqual([["Bob", 2], ["Alice", 0], ["王五, 北京", 0]]);
    expect((await get("?sort=bogus")).status).toBe(400);
  });

  it("defaults to the last 30 days in the account's time zone", async () => {
    const body = await (await get()).json();
    expect({ from: body.from, to: body.to }).toEqual(lastDays(30, "America/New_York"));
  });

  it.each([
    ["a malformed day", "?from=2026-3-1&to=2026-03-31"],
    ["an impossible day", "?from=2026-02-30&to=2026-03-31"],
    ["from after to", "?from=2026-04-01&to=2026-03-31"],
    ["a range over 366 days", "?from=2025-01-01&to=2026-01-02"],
  ])("answers 400 for %s", async (_label, query) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "bad_request", details: [expect.objectContaining({ path: expect.stringMatching(/^(from|to)$/) })] });
  });

  it("accepts a full 366-day range", async () => {
    expect((await get("?from=2025-01-01&to=2026-01-01")).status).toBe(200);
  });

  it("exports CSV", async () => {
    const response = await get("?from=2026-03-01&to=2026-03-31&format=csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=\"leaderboard-2026-03-01-2026-03-31.csv\"; filename*=UTF-8''leaderboard-2026-03-01-2026-03-31.csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.split("\r\n")).toEqual([
      "\uFEFFrank,promoterId,name,active,sceneKey,newFollowers,refollows,unfollows,net,scans,retention7,teamName,qualified,qualifyPending",
      `1,${ids.Alice},Alice,true,,5,0,4,1,0,0.2,,0,0`,
      `2,${ids.Bob},Bob,true,,3,0,0,3,9,0,,2,0`,
      `3,${ids["王五, 北京"]},"王五, 北京",true,,0,0,0,0,0,,,0,0`,
      "",
    ]);
  });
});
