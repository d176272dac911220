import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { getLeaderboard } from "../stats/get-leaderboard";
import { resetDatabase } from "@/test/reset-database";
import { assignTeam } from "./assign-team";
import { getTeamBoard } from "./get-team-board";
import { createTeam, deleteTeam, TeamInputError, updateTeam } from "./save-team";

const actor = { email: "ops@example.com" };
const range = { from: "2026-03-01", to: "2026-03-31" };
let accountId: string;
let otherId: string;
const p: Record<string, string> = {};

async function stat(promoter: string, day: string, newFollowers: number, unfollows = 0, scans = 0) {
  await db().promoterDailyStat.create({ data: { accountId, promoterId: p[promoter], day, newFollowers, unfollows, scans } });
}

const teamOf = async (promoter: string) => (await db().promoter.findUniqueOrThrow({ where: { id: p[promoter] } })).teamId;

beforeEach(async () => {
  await resetDatabase();
  accountId = (await db().account.create({ data: { name: "A", appId: "wx000000000000te01", appSecretEnc: "x", tokenEnc: "x" } })).id;
  otherId = (await db().account.create({ data: { name: "B", appId: "wx000000000000te02", appSecretEnc: "x", tokenEnc: "x" } })).id;
  for (const name of ["张三", "李四", "王五", "赵六"]) p[name] = (await db().promoter.create({ data: { accountId, name } })).id;
  p.foreign = (await db().promoter.create({ data: { accountId: otherId, name: "外人" } })).id;
  await stat("张三", "2026-03-02", 5, 1, 9);
  await stat("李四", "2026-03-03", 3);
  await stat("王五", "2026-03-04", 4);
  await stat("王五", "2026-02-20", 100); // outside the range
  await stat("赵六", "2026-03-05", 7);
});

describe("teams", () => {
  it("are created with a unique name per account and an optional lead, who joins the team", async () => {
    const east = await createTeam(accountId, { name: " 东区 ", leadId: p["张三"] }, actor);
    expect(east.name).toBe("东区");
    expect(await teamOf("张三")).toBe(east.id);
    await expect(createTeam(accountId, { name: "东区" }, actor)).rejects.toMatchObject({ field: "name", key: "nameTaken" });
    await createTeam(otherId, { name: "东区" }, actor); // another account may use the name
    expect(await db().auditLog.count({ where: { action: "team.create" } })).toBe(2);
  });

  it("refuse bad input and change nothing", async () => {
    for (const input of [{ name: "" }, { name: "x".repeat(31) }, { name: "\u200b\u200b" }]) await expect(createTeam(accountId, input, actor)).rejects.toThrow();
    await expect(createTeam(accountId, { name: "西区", leadId: p.foreign }, actor)).rejects.toBeInstanceOf(TeamInputError);
    await expect(createTeam(accountId, { name: "西区", leadId: "no-such-id" }, actor)).rejects.toMatchObject({ key: "leadUnknown" });
    expect(await db().team.count()).toBe(0);
    expect(await teamOf("张三")).toBeNull();
  });

  it("let a promoter lead one team at most, and a lead who moves away stops leading", async () => {
    const east = await createTeam(accountId, { name: "东区", leadId: p["张三"] }, actor);
    const west = await createTeam(accountId, { name: "西区" }, actor);
    await expect(updateTeam(accountId, west.id, { name: "西区", leadId: p["张三"] }, actor)).rejects.toMatchObject({ key: "leadTaken" });
    await assignTeam(accountId, [p["张三"]], west.id, actor);
    expect((await db().team.findUniqueOrThrow({ where: { id: east.id } })).leadId).toBeNull();
    await updateTeam(accountId, west.id, { name: "西部", leadId: p["张三"] }, actor);
    expect(await db().team.findUniqueOrThrow({ where: { id: west.id } })).toMatchObject({ name: "西部", leadId: p["张三"] });
  });

  it("assign only the account's own promoters, and a deleted team leaves its members without a team", async () => {
    const east = await createTeam(accountId, { name: "东区" }, actor);
    expect(await assignTeam(accountId, [p["张三"], p["李四"], p.foreign], east.id, actor)).toBe(2);
    expect((await db().promoter.findUniqueOrThrow({ where: { id: p.foreign } })).teamId).toBeNull();
    const foreignTeam = await createTeam(otherId, { name: "B队" }, actor);
    await expect(assignTeam(accountId, [p["王五"]], foreignTeam.id, actor)).rejects.toMatchObject({ key: "teamUnknown" });
    await deleteTeam(accountId, east.id, actor);
    expect([await teamOf("张三"), await teamOf("李四")]).toEqual([null, null]);
    expect(await db().promoterDailyStat.count({ where: { promoterId: p["张三"] } })).toBe(1); // counts untouched
    await expect(deleteTeam(accountId, foreignTeam.id, actor)).rejects.toThrow(); // another account's team
    expect(await db().team.count({ where: { id: foreignTeam.id } })).toBe(1);
  });
});

describe("the team board", () => {
  it("sums the members' range, per member too, ranks by any metric, and lists empty teams with zeros", async () => {
    const east = await createTeam(accountId, { name: "东区", leadId: p["张三"] }, actor);
    const west = await createTeam(accountId, { name: "西区" }, actor);
    await createTeam(accountId, { name: "空队" }, actor);
    await assignTeam(accountId, [p["李四"]], east.id, actor);
    await assignTeam(accountId, [p["王五"]], west.id, actor);
    const board = await getTeamBoard(accountId, range);
    expect(board.map((r) => [r.rank, r.name, r.members, r.newFollowers, r.unfollows, r.net, r.scans, r.perCapita])).toEqual([
      [1, "东区", 2, 8, 1, 7, 9, 4],
      [2, "西区", 1, 4, 0, 4, 0, 4],
      [3, "空队", 0, 0, 0, 0, 0, 0],
    ]);
    expect(board[0].leadName).toBe("张三");
    expect((await getTeamBoard(accountId, range, "scans"))[0].name).toBe("东区");
    await assignTeam(accountId, [p["赵六"]], west.id, actor); // 西区: 4 + 7 over 2 members = 5.5
    expect((await getTeamBoard(accountId, range, "perCapita")).map((r) => [r.name, r.perCapita])).toEqual([["西区", 5.5], ["东区", 4], ["空队", 0]]);
    expect(await getTeamBoard(otherId, range)).toEqual([]);
  });

  it("filters the promoter leaderboard to a team, ranked among its members", async () => {
    const east = await createTeam(accountId, { name: "东区" }, actor);
    await assignTeam(accountId, [p["李四"], p["张三"]], east.id, actor);
    const { rows, total } = await getLeaderboard(accountId, range, { teamId: east.id, timeZone: "Asia/Shanghai" });
    expect(rows.map((r) => [r.rank, r.name, r.newFollowers])).toEqual([[1, "张三", 5], [2, "李四", 3]]);
    expect(total).toBe(2);
    expect((await getLeaderboard(accountId, range, { timeZone: "Asia/Shanghai" })).total).toBe(4);
  });
});
