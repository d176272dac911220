import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { seedFollowers } from "@/lib/wechat/simulator/seed-followers";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { followersBackfill } from "./followers-backfill";

// The CLI against the simulator: progress lines, the summary and reconciliation, a quota stop and --resume.
const APP_ID = "wx000000000000cli2";
const sim = simulatorForTests();
let accountId = "";
let lines: string[] = [];

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  sim.current.state.followers.clear();
  sim.current.state.userPageSize = 100; // three pages
  accountId = (await createTestAccount(APP_ID)).id;
  const p = await db().promoter.create({ data: { accountId, name: "甲" } });
  await db().qrCode.create({ data: { accountId, promoterId: p.id, sceneKey: "1", sceneId: 1, status: "active" } });
  // 40 of every 100 came by scene 1: 120 of the 250.
  seedFollowers(sim.current.state.followersOf(APP_ID), { appId: APP_ID, count: 250, scenes: ["1"], qrPercent: 40, unknownPercent: 0, from: Math.floor(Date.now() / 1000) - 86_400 * 10 });
  lines = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
});

describe("npm run cli -- followers:backfill", () => {
  it("imports with progress lines and prints what was imported, credited and reconciled", async () => {
    await followersBackfill({ account: APP_ID });
    expect(lines[0]).toMatch(new RegExp(`^Importing the followers of .+ \\(${APP_ID}\\)…$`));
    expect(lines.some((l) => /^\[#+\.*\] \d+%  \d+ \/ 250 followers$/.test(l))).toBe(true);
    expect(lines).toContain("Read 250 of 250; imported 250, credited 120 to promoters (backfilled), corrected 0 missed unfollows.");
    expect(lines.some((l) => l.startsWith("Reconciliation: 0 we thought follow but WeChat does not list"))).toBe(true);
    expect(await db().follower.count({ where: { accountId } })).toBe(250);
    expect(await db().auditLog.count({ where: { action: "followers.backfill.start", actor: "cli" } })).toBe(1);
  });

  it("stops on WeChat's daily quota with what to do, refuses to start twice, and continues with --resume", async () => {
    sim.current.state.failNext(45009, 1, "/cgi-bin/user/info/batchget", 1); // the second batch call
    await expect(followersBackfill({ account: APP_ID })).rejects.toThrow(/paused until .*WeChat error 45009.*--resume/);
    await expect(followersBackfill({ account: APP_ID })).rejects.toThrow(/an unfinished import .* exists \(status paused\); add --resume/);
    await db().backfillRun.updateMany({ data: { pausedUntil: null } }); // the quota has reset
    await followersBackfill({ account: APP_ID, resume: true });
    expect(lines).toContain("Read 250 of 250; imported 250, credited 120 to promoters (backfilled), corrected 0 missed unfollows.");
    await expect(followersBackfill({ account: APP_ID, resume: true })).rejects.toThrow(/no unfinished import/);
  });

  it("refuses a malformed or unknown AppID before calling WeChat", async () => {
    await expect(followersBackfill({ account: "gh_123" })).rejects.toThrow(/--account: the account's AppID/);
    await expect(followersBackfill({ account: "wx0000000000000404" })).rejects.toThrow(/no account has the AppID/);
    expect(sim.current.state.callCount("/cgi-bin/user/get")).toBe(0);
  });
});
