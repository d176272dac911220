import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { recordEvent } from "@/lib/attribution/record-event";
import { enrolPermanentCodes } from "@/lib/campaigns/enrol-codes";
import { db } from "@/lib/db";
import { createPromoter } from "@/lib/promoters/create-promoter";
import { campaign, campaignBoard, campaignList } from "@/lib/rest-api/api-schemas";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { GET as getBoard } from "./[id]/leaderboard/route";
import { GET, POST } from "./route";

const sim = simulatorForTests();
let account: { id: string; timezone: string };
let readKey = "";
let writeKey = "";
let otherKey = "";

const request = (path: string, bearer: string, body?: unknown) =>
  new Request(`http://app.test${path}`, { method: body === undefined ? "GET" : "POST", headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const board = (id: string, query = "", bearer = readKey) => getBoard(request(`/api/v1/campaigns/${id}/leaderboard${query}`, bearer), { params: Promise.resolve({ id }) });

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  const created = await createTestAccount("wx3333444455556666");
  account = { id: created.id, timezone: created.timezone };
  const other = await createTestAccount("wx3333444455557777");
  readKey = (await createApiKey({ name: "r", accountId: account.id }, { email: "ops@example.com" })).key;
  writeKey = (await createApiKey({ name: "w", accountId: account.id, scope: "read-write" }, { email: "ops@example.com" })).key;
  otherKey = (await createApiKey({ name: "o", accountId: other.id, scope: "read-write" }, { email: "ops@example.com" })).key;
});

describe("/api/v1/campaigns", () => {
  it("creates a campaign, lists it, and ranks its promoters with the outside follows apart", async () => {
    const created = await POST(request("/api/v1/campaigns", writeKey, { name: "双十一", startDay: "2026-11-05", endDay: "2026-11-11", target: 100 }));
    expect(created.status).toBe(201);
    const c = campaign.parse(await created.json());
    expect(c).toMatchObject({ name: "双十一", timezone: "Asia/Shanghai", target: 100, codes: 0, newFollowers: 0 });
    const lee = (await createPromoter(account.id, { name: "李四" }, { email: "t" })).promoterId; // scene 1
    await enrolPermanentCodes(account.id, c.id, { promoterIds: [lee] }, { email: "t" });
    const at = (day: number) => Date.UTC(2026, 10, day, 4) / 1000;
    for (const [openid, day] of [["o1", 6], ["o2", 7], ["o3", 20]] as const) {
      await recordEvent(account, { fromUser: openid, createTime: at(day), event: "subscribe", eventKey: "qrscene_1", scene: "1", ticket: null });
    }
    const list = campaignList.parse(await (await GET(request("/api/v1/campaigns", readKey))).json());
    expect(list.data.map((x) => [x.name, x.codes, x.newFollowers])).toEqual([["双十一", 1, 2]]);
    const response = await board(c.id, "?sort=net");
    expect(response.status).toBe(200);
    const body = campaignBoard.parse(await response.json());
    expect(body.totals).toEqual({ newFollowers: 2, refollows: 0, scans: 0, unfollows: 0, net: 2 });
    expect(body.outside).toEqual({ followsBefore: 0, followsAfter: 1, scansBefore: 0, scansAfter: 0 });
    expect(body.data.map((r) => [r.rank, r.name, r.newFollowers, r.outsideFollows])).toEqual([[1, "李四", 2, 1]]);
    expect(body.total).toBe(1);
  });

  it("refuses bad input, a taken name, a read-only key and another account's campaign", async () => {
    expect((await POST(request("/api/v1/campaigns", writeKey, { name: "x", startDay: "2026-11-11", endDay: "2026-11-01" }))).status).toBe(400);
    expect((await POST(request("/api/v1/campaigns", writeKey, { name: "x", startDay: "2026-11-01", endDay: "2026-11-02", extra: 1 }))).status).toBe(400);
    expect((await POST(request("/api/v1/campaigns", readKey, { name: "x", startDay: "2026-11-01", endDay: "2026-11-02" }))).status).toBe(403);
    const first = campaign.parse(await (await POST(request("/api/v1/campaigns", writeKey, { name: "年货节", startDay: "2026-12-01", endDay: "2026-12-31" }))).json());
    const again = await POST(request("/api/v1/campaigns", writeKey, { name: "年货节", startDay: "2026-12-01", endDay: "2026-12-31" }));
    expect(again.status).toBe(409);
    expect((await again.json()).error).toEqual({ code: "name_taken", message: "A campaign with this name exists" });
    expect(await db().campaign.count()).toBe(1);
    expect((await board(first.id, "?sort=bogus")).status).toBe(400);
    expect((await board(first.id, "", otherKey)).status).toBe(404);
    expect((await GET(request("/api/v1/campaigns", otherKey))).status).toBe(200);
    expect((await (await GET(request("/api/v1/campaigns", otherKey))).json()).data).toEqual([]);
  });
});
