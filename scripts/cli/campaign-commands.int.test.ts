import { beforeEach, describe, expect, it, vi } from "vitest";
import { recordEvent } from "@/lib/attribution/record-event";
import { db } from "@/lib/db";
import { createPromoter } from "@/lib/promoters/create-promoter";
import { createTeam } from "@/lib/teams/save-team";
import { assignTeam } from "@/lib/teams/assign-team";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { campaignBoard, campaignCreate, campaignList } from "./campaign-commands";

// The campaign commands against a real database and the simulator (temporary codes are made at WeChat).
const APP_ID = "wx000000000000cli2";
const sim = simulatorForTests();
const actor = { email: "ops@example.com" };
let accountId: string;
let lines: string[] = [];
const at = (day: number) => Date.UTC(2026, 10, day, 4) / 1000; // Beijing noon, November 2026

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  const account = await createTestAccount(APP_ID);
  accountId = account.id;
  const team = await createTeam(accountId, { name: "东区" }, actor);
  for (const name of ["张三", "李四", "王五"]) {
    const { promoterId } = await createPromoter(accountId, { name }, actor); // scenes 1, 2, 3
    if (name !== "王五") await assignTeam(accountId, [promoterId], team.id, actor);
  }
  lines = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
});

describe("npm run cli -- campaign:*", () => {
  it("creates a campaign with a team's permanent codes, lists it with its progress and prints its board", async () => {
    await campaignCreate({ account: APP_ID, name: "双十一", from: "2026-11-05", to: "2026-11-11", target: "4", enrol: "team:东区" });
    expect(lines[0]).toMatch(/^Created campaign 双十一 \(2026-11-05 … 2026-11-11, target 4 new followers\) id \w+$/);
    expect(lines[1]).toBe("Enrolled 2 permanent codes.");
    const account = { id: accountId, timezone: "Asia/Shanghai" };
    for (const [openid, scene, day] of [["o1", "1", 6], ["o2", "1", 7], ["o3", "2", 8], ["o4", "3", 8], ["o5", "1", 20]] as const) {
      await recordEvent(account, { fromUser: openid, createTime: at(day), event: "subscribe", eventKey: `qrscene_${scene}`, scene, ticket: null });
    }
    lines = [];
    await campaignList({ account: APP_ID });
    expect(lines).toEqual(["双十一  2026-11-05 … 2026-11-11  ended  2 codes  3 / 4 new followers (75 %)"]);
    lines = [];
    await campaignBoard({ account: APP_ID, name: "双十一" });
    expect(lines[0]).toBe("双十一 (2026-11-05 … 2026-11-11): 2 promoters");
    // 张三: 2 new inside the window (both still following: qualified), 1 follow after it (outside).
    expect(lines[2].split(/\s+/).filter(Boolean)).toEqual(["1", "2", "2", "0", "0", "2", "0", "1", "张三"]);
    expect(lines[3].split(/\s+/).filter(Boolean)).toEqual(["2", "1", "1", "0", "0", "1", "0", "0", "李四"]);
  });

  it("makes temporary codes at WeChat for a window within 30 days", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const end = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
    await campaignCreate({ account: APP_ID, name: "地推周", from: today, to: end, enrol: "all", temporary: true });
    expect(lines[1]).toBe("Made 3 temporary codes (0 already made, 0 left for another run).");
    expect(await db().qrCode.count({ where: { accountId, kind: "QR_SCENE", status: "active", label: "地推周" } })).toBe(3);
  });

  it("refuses bad flags with the flag's name and changes nothing", async () => {
    await expect(campaignCreate({ account: APP_ID, name: "", from: "2026-11-05", to: "2026-11-01" })).rejects.toThrow(/--name: .*--to: /);
    await expect(campaignCreate({ account: APP_ID, name: "x", from: "2026-11-31", to: "2026-12-01" })).rejects.toThrow(/--from: /);
    await expect(campaignCreate({ account: APP_ID, name: "x", from: "2026-11-01", to: "2026-11-02", enrol: "team:西区" })).rejects.toThrow(/--enrol: no team named 西区/);
    await expect(campaignCreate({ account: APP_ID, name: "x", from: "2026-11-01", to: "2026-11-02", temporary: true })).rejects.toThrow(/--temporary: needs --enrol/);
    await expect(campaignCreate({ account: "wx0000000000000404", name: "x", from: "2026-11-01", to: "2026-11-02" })).rejects.toThrow(/--account: no connected/);
    await expect(campaignBoard({ account: APP_ID, name: "无此活动" })).rejects.toThrow(/--name: no campaign named 无此活动/);
    await expect(campaignBoard({ account: APP_ID, name: "x", limit: "0" })).rejects.toThrow(/--limit: /);
    expect(await db().campaign.count()).toBe(0);
  });

  it("names the campaign that already holds a code when the windows overlap", async () => {
    await campaignCreate({ account: APP_ID, name: "一期", from: "2026-11-01", to: "2026-11-10", enrol: "all" });
    await expect(campaignCreate({ account: APP_ID, name: "二期", from: "2026-11-10", to: "2026-11-20", enrol: "all" })).rejects.toThrow(/--enrol: .*一期/);
    expect(await db().campaign.findMany({ select: { name: true } })).toEqual([{ name: "一期" }]);
  });
});
