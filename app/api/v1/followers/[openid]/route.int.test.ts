import { beforeEach, describe, expect, it } from "vitest";
import { recordEvent } from "@/lib/attribution/record-event";
import { db } from "@/lib/db";
import { follower } from "@/lib/rest-api/api-schemas";
import { apiTestKit, call } from "@/test/api-test-kit";
import { GET } from "./route";

const kit = apiTestKit();
const T = Date.parse("2026-03-10T04:00:00Z") / 1000;
let alice = "";
let bob = "";

const lookup = (openid: string, query = "", key = kit.readKey) => call(GET, `/api/v1/followers/${encodeURIComponent(openid)}${query}`, { key, params: { openid } });
const event = (fromUser: string, createTime: number, name: "subscribe" | "unsubscribe" | "SCAN", eventKey: string | null, scene: string | null, accountId = kit.accountA) =>
  recordEvent({ id: accountId, timezone: "Asia/Shanghai" }, { fromUser, createTime, event: name, eventKey, scene, ticket: null });

beforeEach(async () => {
  for (const [name, scene] of [["Alice", "1"], ["Bob", "2"]] as const) {
    const p = await db().promoter.create({ data: { accountId: kit.accountA, name } });
    await db().qrCode.create({ data: { accountId: kit.accountA, promoterId: p.id, sceneId: Number(scene), sceneKey: scene, status: "active" } });
    if (name === "Alice") alice = p.id;
    else bob = p.id;
  }
});

describe("GET /api/v1/followers/{openid}", () => {
  it("says who brought the follower, when, and what happened since", async () => {
    await event("oFan", T, "subscribe", "qrscene_1", "1");
    await event("oFan", T + 60, "SCAN", "2", "2");
    await event("oFan", T + 120, "unsubscribe", null, null);
    await event("oFan", T + 180, "subscribe", "qrscene_2", "2");
    const response = await lookup("oFan");
    expect(response.status).toBe(200);
    const body = follower.parse(await response.json());
    expect(body).toMatchObject({ openid: "oFan", status: "following", source: "qr", promoter: { id: alice, name: "Alice" }, firstScene: "1", firstFollowedAt: new Date(T * 1000).toISOString(), unfollowedAt: null });
    expect(body.history.map((h) => [h.event, h.attribution?.kind, h.attribution?.promoterName])).toEqual([
      ["subscribe", "new_follow", "Alice"],
      ["SCAN", "scan", "Bob"],
      ["unsubscribe", "unfollow", "Alice"],
      ["subscribe", "refollow", "Bob"],
    ]);
    expect(body.history[0]).toMatchObject({ eventKey: "qrscene_1", occurredAt: new Date(T * 1000).toISOString(), attribution: { day: "2026-03-10", scene: "1", creditedLater: false } });
    expect(body.nextCursor).toBeNull();
    expect(bob).not.toBe(alice);
  });

  it("pages the history with a cursor, and shows events still waiting for attribution", async () => {
    for (let i = 0; i < 5; i++) await event("oScan", T + i, i === 0 ? "subscribe" : "SCAN", i === 0 ? "qrscene_1" : "1", "1");
    const first = follower.parse(await (await lookup("oScan", "?limit=3")).json());
    expect(first.history).toHaveLength(3);
    const second = follower.parse(await (await lookup("oScan", `?limit=3&cursor=${first.nextCursor}`)).json());
    expect(second.history.map((h) => h.occurredAt)).toEqual([T + 3, T + 4].map((t) => new Date(t * 1000).toISOString()));
    expect(second.nextCursor).toBeNull();
    await db().wechatEvent.create({ data: { accountId: kit.accountA, fromUser: "oNew", createTime: BigInt(T), event: "subscribe", eventKey: "qrscene_1" } });
    const pending = follower.parse(await (await lookup("oNew")).json());
    expect(pending).toMatchObject({ status: "pending", promoter: null, history: [{ event: "subscribe", attribution: null }] });
  });

  it("answers 404 for an unknown openid and for another account's follower, 400 for a bad cursor", async () => {
    await event("oFan", T, "subscribe", "qrscene_1", "1");
    expect((await lookup("oNobody")).status).toBe(404);
    expect((await lookup("oFan", "", kit.otherKey)).status).toBe(404);
    expect((await lookup("oFan", "?cursor=12")).status).toBe(400);
    expect((await lookup("oFan", "?limit=0")).status).toBe(400);
    expect((await lookup("oFan", "", "")).status).toBe(401);
  });
});
