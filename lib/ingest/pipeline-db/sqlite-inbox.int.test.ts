import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { resetDatabase } from "@/test/reset-database";
import { countPending } from "../monitor/count-pending";
import { openSqliteInbox } from "./sqlite-inbox";
import { sqlitePipelineDb } from "./sqlite-pipeline-db";

// SQLite's inbox: acknowledged pushes wait there until a worker moves them into WechatEvent. Two
// instances (or a drain beside the worker) move at the same time; nothing may be lost or doubled.
const sqlite = env().databaseProvider === "sqlite";
let accountId = "";

const row = (i: number) => ({ accountId, fromUser: `o-inbox-${i}`, createTime: 1_763_000_000 + i, event: "subscribe", eventKey: null, ticket: null });

beforeEach(async () => {
  await resetDatabase();
  ({ id: accountId } = await db().account.create({ data: { name: "inbox", appId: "wx00000000000000b1", appSecretEnc: "x", tokenEnc: "x" } }));
});

describe.runIf(sqlite)("SQLite inbox", () => {
  it("two pipelines moving at once while pushes keep arriving: every event stored exactly once", async () => {
    const [a, b] = [sqlitePipelineDb(env().sqlitePath!), sqlitePipelineDb(env().sqlitePath!)];
    try {
      const stores: Promise<boolean[]>[] = [];
      const moves: Promise<void>[] = [];
      const moveAndForget = async (p: typeof a, limit: number) => p.forgetInbox((await p.moveInbox(limit)).throughId);
      for (let i = 0; i < 40; i++) {
        stores.push((i % 2 ? a : b).insertEvents([row(2 * i), row(2 * i + 1)], new Date()));
        moves.push(moveAndForget(a, 7), moveAndForget(b, 5)); // small moves, interleaved with each other and with the stores
      }
      expect((await Promise.all(stores)).flat().every(Boolean)).toBe(true);
      await Promise.all(moves);
      for (let m = await a.moveInbox(100); m.moved; m = await a.moveInbox(100)) await a.forgetInbox(m.throughId);
      expect(await db().wechatEvent.count({ where: { accountId } })).toBe(80);
      expect((await a.inboxPending(accountId)).count).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("a mover deleting what it moved never deletes a newer row (ids are never reused)", async () => {
    const [a, b] = [openSqliteInbox(env().sqlitePath!), openSqliteInbox(env().sqlitePath!)];
    try {
      await a.insert([row(1), row(2)], new Date().toISOString());
      const seenByB = b.take(10); // another instance's mover read the same rows…
      await a.forget(a.take(10).at(-1)!.id); // …this one moved and forgot them first
      await a.insert([row(3)], new Date().toISOString()); // a new push into the now empty inbox
      await b.forget(seenByB.at(-1)!.id); // the slow mover forgets the rows it saw
      expect(a.take(10).map((r) => r.fromUser)).toEqual(["o-inbox-3"]);
    } finally {
      a.close();
      b.close();
    }
  });

  it("a push already moved into WechatEvent is a duplicate, not a second inbox row", async () => {
    const pipeline = sqlitePipelineDb(env().sqlitePath!);
    try {
      expect(await pipeline.insertEvents([row(1), row(1)], new Date())).toEqual([true, false]);
      expect((await countPending(accountId)).count).toBe(1);
      await pipeline.forgetInbox((await pipeline.moveInbox(10)).throughId);
      expect(await pipeline.insertEvents([row(1)], new Date())).toEqual([false]);
      expect((await pipeline.inboxPending(accountId)).count).toBe(0);
      expect(await db().wechatEvent.count({ where: { accountId } })).toBe(1);
    } finally {
      await pipeline.close();
    }
  });

  it("rows of an account deleted before the move are dropped, the others moved", async () => {
    const pipeline = sqlitePipelineDb(env().sqlitePath!);
    try {
      const other = await db().account.create({ data: { name: "gone", appId: "wx00000000000000b2", appSecretEnc: "x", tokenEnc: "x" } });
      await pipeline.insertEvents([row(1), { ...row(2), accountId: other.id }], new Date());
      await db().account.delete({ where: { id: other.id } });
      expect((await pipeline.moveInbox(10)).moved).toBe(2);
      expect(await db().wechatEvent.count()).toBe(1);
    } finally {
      await pipeline.close();
    }
  });
});
