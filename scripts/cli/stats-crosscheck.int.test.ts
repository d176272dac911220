import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { storeEvent } from "@/lib/ingest/store/store-event";
import { latestReadyDay } from "@/lib/crosscheck/datacube-days";
import { addDays } from "@/lib/stats/day";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { statsCrosscheck } from "./stats-crosscheck";

// The CLI against the real clock: the last published day and the nine before it, one put off in the simulator.
const APP_ID = "wx000000000000cli1";
const sim = simulatorForTests();
const to = latestReadyDay();
const from = addDays(to, -9);
let lines: string[] = [];

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  sim.current.state.datacube.clear();
  sim.current.state.datacube.now = () => Date.now();
  const account = await createTestAccount(APP_ID);
  const createTime = Math.floor(Date.parse(`${addDays(to, -1)}T10:00:00+08:00`) / 1000);
  sim.current.state.recordEvent(APP_ID, "subscribe", "oCli", undefined, createTime);
  await storeEvent({ accountId: account.id, fromUser: "oCli", createTime, event: "subscribe", eventKey: null, ticket: null });
  await drainAttribution();
  lines = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
});

describe("npm run cli -- stats:crosscheck", () => {
  it("fetches in 7-day pieces with a progress line each, then prints every day and the summary", async () => {
    sim.current.state.datacube.adjust(APP_ID, { day: addDays(to, -3), cancelUser: 1 }); // WeChat's total follows the unfollow: 0 from then on
    await statsCrosscheck({ account: APP_ID, from, to });
    expect(lines[0]).toContain(`from ${from} to ${to}`);
    expect(lines[1]).toMatch(new RegExp(`^  \\[1/2\\] ${from} … ${addDays(from, 6)}: 7 days stored$`));
    expect(lines[2]).toMatch(/^ {2}\[2\/2\] .*: 3 days stored$/);
    const dayLine = (day: string) => lines.find((l) => l.startsWith(day)) ?? "";
    expect(dayLine(addDays(to, -1))).toMatch(/Equal .*WeChat qr 0 new 1 unf 0 total 0 · ours qr 0 new 1 unf 0$/);
    expect(dayLine(addDays(to, -3))).toMatch(/Differs .* diff qr 0 new 0 unf \+1\n.*WeChat counted 1 more/);
    expect(lines.at(-1)).toBe(`9 equal, 1 different (${addDays(to, -3)}), 0 without WeChat's figures.`);
    expect(await db().wechatDailyCumulate.count()).toBe(10);
  });

  it("refuses bad options before asking WeChat, and fails with WeChat's errcode and what to do", async () => {
    await expect(statsCrosscheck({ account: "gh_123", from, to })).rejects.toThrow(/--account: must be an AppID/);
    await expect(statsCrosscheck({ account: APP_ID, from: to, to: from })).rejects.toThrow(/--from: must not be after --to/);
    await expect(statsCrosscheck({ account: APP_ID, from: "2026-02-30", to })).rejects.toThrow(/--from: must be a date/);
    await expect(statsCrosscheck({ account: APP_ID, from: "", to: "x" })).rejects.toThrow(/--from: must be a date.*--to: must be a date/);
    await expect(statsCrosscheck({ account: APP_ID, from: addDays(to, -400), to })).rejects.toThrow(/at most 366 days/);
    await expect(statsCrosscheck({ account: "wx0000000000000404", from, to })).rejects.toThrow(/no Official Account with AppID/);
    expect(sim.current.state.callCount("/datacube/getusersummary")).toBe(0);
    sim.current.state.failNext(45009, 1, "/datacube/getusercumulate");
    await expect(statsCrosscheck({ account: APP_ID, from, to })).rejects.toThrow(/WeChat answered 45009 .*daily API quota/);
  });
});
