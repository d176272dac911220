import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { DAILY_LEASE, LEASE_MS, RETRY_AFTER_MS, runScheduledCrosscheck } from "./run-scheduled-crosscheck";

// The daily fetch across instances: each ticks, the lease lets one of them ask WeChat, once a day.
const SUMMARY = "/datacube/getusersummary";
const sim = simulatorForTests();
const at = (text: string) => new Date(`${text}+08:00`);
let accounts: string[] = [];

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  sim.current.state.datacube.clear();
  sim.current.state.datacube.now = () => Date.now();
  accounts = [(await createTestAccount("wx00000000sched001")).id, (await createTestAccount("wx00000000sched002")).id];
});

const newestDay = async (accountId: string) => (await db().wechatDailyCumulate.findFirst({ where: { accountId }, orderBy: { day: "desc" } }))?.day;

describe("the scheduled cross-check", () => {
  it("runs on exactly one of two instances ticking at once, for every account, after 08:00 Beijing time", async () => {
    const now = at("2026-12-04T09:00:00");
    sim.current.state.datacube.now = () => now.getTime();
    const [a, b] = await Promise.all([runScheduledCrosscheck({ holder: "a", now }), runScheduledCrosscheck({ holder: "b", now })]);
    expect([a.leased, b.leased].filter(Boolean)).toHaveLength(1);
    const winner = a.leased ? a : b;
    expect(winner.runs.map((r) => r.run)).toEqual([
      { ok: true, fetched: { from: "2026-11-27", to: "2026-12-03" }, days: 7 },
      { ok: true, fetched: { from: "2026-11-27", to: "2026-12-03" }, days: 7 },
    ]);
    expect(sim.current.state.callCount(SUMMARY)).toBe(2); // one call per account, not per instance
    for (const id of accounts) expect(await newestDay(id)).toBe("2026-12-03");
  });

  it("does nothing more that day, and fetches the new day after 08:00 the next morning", async () => {
    const day1 = at("2026-12-04T09:00:00");
    sim.current.state.datacube.now = () => day1.getTime();
    await runScheduledCrosscheck({ holder: "a", now: day1 });
    const later = new Date(day1.getTime() + 2 * RETRY_AFTER_MS);
    expect((await runScheduledCrosscheck({ holder: "a", now: later })).runs).toEqual([]);
    const early = at("2026-12-05T07:30:00"); // 12-04 not published yet
    expect((await runScheduledCrosscheck({ holder: "a", now: early })).runs).toEqual([]);
    const next = at("2026-12-05T08:05:00");
    sim.current.state.datacube.now = () => next.getTime();
    const run = await runScheduledCrosscheck({ holder: "b", now: next }); // a's lease has expired: b takes over
    expect(run.leased).toBe(true);
    expect(run.runs.map((r) => r.run.fetched)).toEqual([{ from: "2026-11-28", to: "2026-12-04" }, { from: "2026-11-28", to: "2026-12-04" }]);
  });

  it("catches up days missed while no instance ran, and waits an hour after WeChat refused", async () => {
    const before = at("2026-11-20T09:00:00");
    sim.current.state.datacube.now = () => before.getTime();
    await runScheduledCrosscheck({ holder: "a", now: before });
    const now = at("2026-12-04T09:00:00");
    sim.current.state.datacube.now = () => now.getTime();
    sim.current.state.failNext(45009, 1, SUMMARY);
    const first = await runScheduledCrosscheck({ holder: "a", now: new Date(now.getTime() + LEASE_MS) });
    expect(first.runs.map((r) => r.run.ok)).toEqual([false, true]);
    expect(first.runs[1].run.fetched).toEqual({ from: "2026-11-20", to: "2026-12-03" });
    expect(await newestDay(accounts[0])).toBe("2026-11-19");
    expect((await runScheduledCrosscheck({ holder: "a", now: new Date(now.getTime() + LEASE_MS + 60_000) })).runs).toEqual([]); // within the hour
    const retry = await runScheduledCrosscheck({ holder: "a", now: new Date(now.getTime() + LEASE_MS + RETRY_AFTER_MS + 5000) });
    expect(retry.runs.map((r) => [r.accountId, r.run.ok])).toEqual([[accounts[0], true]]);
    expect(await newestDay(accounts[0])).toBe("2026-12-03");
  });

  it("skips while another instance holds the lease", async () => {
    const now = at("2026-12-04T09:00:00");
    await db().jobLease.create({ data: { name: DAILY_LEASE, holder: "elsewhere", expiresAt: new Date(now.getTime() + 60_000) } });
    expect(await runScheduledCrosscheck({ holder: "a", now })).toEqual({ leased: false, runs: [] });
    expect(sim.current.state.callCount(SUMMARY)).toBe(0);
  });
});
