import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { recordEvent } from "@/lib/attribution/record-event";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { GET } from "./route";

let key = "";
let alice = "";
const get = (query = "", auth = `Bearer ${key}`) => GET(new Request(`http://app.test/api/v1/follows${query}`, { headers: { authorization: auth } }));
const T = Date.parse("2026-03-10T04:00:00Z") / 1000; // 2026-03-10 12:00 in Shanghai

beforeEach(async () => {
  await resetDatabase();
  const account = await db().account.create({ data: { name: "号", appId: "wx00000000000000b2", appSecretEnc: "x", tokenEnc: "x" } });
  key = (await createApiKey({ name: "sync", accountId: account.id }, { email: "ops" })).key;
  alice = (await db().promoter.create({ data: { accountId: account.id, name: "Alice" } })).id;
  await db().qrCode.create({ data: { accountId: account.id, promoterId: alice, sceneId: 1, sceneKey: "1", status: "active" } });
  const acc = { id: account.id, timezone: account.timezone };
  for (let i = 0; i < 5; i++) await recordEvent(acc, { fromUser: `o${i}`, createTime: T + i, event: "subscribe", eventKey: "qrscene_1", scene: "1", ticket: null });
  await recordEvent(acc, { fromUser: "o0", createTime: T + 100, event: "unsubscribe", eventKey: null, scene: null, ticket: null });
  await recordEvent(acc, { fromUser: "organic", createTime: T + 200, event: "subscribe", eventKey: null, scene: null, ticket: null });
});

describe("GET /api/v1/follows", () => {
  it("pages through the ledger with a cursor", async () => {
    const first = await (await get("?from=2026-03-01&to=2026-03-31&limit=4")).json();
    expect(first.data).toHaveLength(4);
    expect(first.data[0]).toMatchObject({ openid: "o0", kind: "new_follow", promoterId: alice, promoterName: "Alice", scene: "1", day: "2026-03-10" });
    const second = await (await get(`?from=2026-03-01&to=2026-03-31&limit=4&cursor=${first.nextCursor}`)).json();
    expect(second.data.map((r: { kind: string }) => r.kind)).toEqual(["new_follow", "unfollow", "organic"]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by promoter and range, and answers CSV", async () => {
    const mine = await (await get(`?from=2026-03-10&to=2026-03-10&promoterId=${alice}`)).json();
    expect(mine.data).toHaveLength(6);
    expect((await (await get("?from=2026-04-01&to=2026-04-30")).json()).data).toHaveLength(0);
    const csv = await get("?from=2026-03-01&to=2026-03-31&format=csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("id,openid,kind,promoterId,promoterName,scene,occurredAt,day,creditedLater");
  });

  it("refuses a missing key and a bad range", async () => {
    expect((await get("", "")).status).toBe(401);
    expect((await get("?from=2026-03-31&to=2026-03-01")).status).toBe(400);
  });
});
