import { readSheet } from "read-excel-file/node";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { exportLedger } from "@/lib/exports/export-ledger";
import { ledgerPages } from "@/lib/exports/ledger-pages";
import { MAX_XLSX_EXPORTS_PER_USER, withXlsxExportSlot } from "@/lib/exports/limit-xlsx-exports";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { dictionaryFor, type Locale } from "@/lib/i18n/locales";
import { resetDatabase } from "@/test/reset-database";
import { GET as getTemplate } from "./import-template/route";
import { GET as getLeaderboard } from "./leaderboard/route";
import { GET as getLedger } from "./ledger/route";

// Outside a request Next has no cookies or session: the route's collaborators that read them are stubbed.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("@/lib/accounts/active-account", () => ({ getActiveAccount: vi.fn() }));
vi.mock("@/lib/i18n/get-dictionary", () => ({ getDictionary: vi.fn() }));

type Account = { id: string; name: string; timezone: string };
let account: Account;
let other: Account;
const ids: Record<string, string> = {};

function signIn(locale: Locale = "zh-CN", active: Account | null = account) {
  vi.mocked(getCurrentUser).mockResolvedValue({ id: "u1", email: "ops@example.com", name: "Ops", role: "viewer" });
  vi.mocked(getActiveAccount).mockResolvedValue({ account: active, accounts: [] } as never);
  vi.mocked(getDictionary).mockResolvedValue({ locale, t: dictionaryFor(locale) });
}

let eventTime = 1_700_000_000;
async function attribute(acc: Account, openid: string, kind: string, occurredAt: string, day: string, promoter?: string, sceneKey?: string) {
  const follower = await db().follower.upsert({
    where: { accountId_openid: { accountId: acc.id, openid } },
    create: { accountId: acc.id, openid, source: promoter ? "qr" : "organic", promoterId: promoter ? ids[promoter] : null, firstFollowedAt: new Date(occurredAt), lastFollowedAt: new Date(occurredAt) },
    update: {},
  });
  const event = await db().wechatEvent.create({ data: { accountId: acc.id, fromUser: openid, createTime: eventTime++, event: kind === "unfollow" ? "unsubscribe" : "subscribe" } });
  await db().attribution.create({ data: { accountId: acc.id, eventId: event.id, followerId: follower.id, promoterId: promoter ? ids[promoter] : null, sceneKey: sceneKey ?? null, kind, occurredAt: new Date(occurredAt), day } });
}

const text = async (response: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
const url = (path: string, query: string) => new Request(`http://app.test/api/exports/${path}?${query}`);

beforeEach(async () => {
  await resetDatabase();
  vi.mocked(getCurrentUser).mockResolvedValue(null);
  account = await db().account.create({ data: { name: "服务号", appId: "wx00000000000000c1", appSecretEnc: "x", tokenEnc: "x" } });
  other = await db().account.create({ data: { name: "其他", appId: "wx00000000000000c2", appSecretEnc: "x", tokenEnc: "x" } });
  for (const name of ["张三", "=SUM(A1)"]) ids[name] = (await db().promoter.create({ data: { accountId: account.id, name } })).id;
  await db().promoterDailyStat.create({ data: { accountId: account.id, promoterId: ids["张三"], day: "2026-03-02", newFollowers: 1, unfollows: 1 } });
  // 7-day retention comes from the rollups: oFFF (6 March) stayed, oAAA (2 March) left within 7 days.
  await db().promoterDailyStat.create({ data: { accountId: account.id, promoterId: ids["张三"], day: "2026-03-06", newFollowers: 1, retained7: 1 } });
  await db().promoterDailyStat.create({ data: { accountId: account.id, promoterId: ids["=SUM(A1)"], day: "2026-03-03", newFollowers: 3, scans: 4 } });
  // 16:30 UTC on 1 March is 00:30 on 2 March in Shanghai: the day column follows the account's zone.
  await attribute(account, "oAAA", "new_follow", "2026-03-01T16:30:00Z", "2026-03-02", "张三", "1");
  await attribute(account, "oBBB", "organic", "2026-03-01T03:00:00Z", "2026-03-01");
  await attribute(account, "oAAA", "unfollow", "2026-03-05T02:00:00Z", "2026-03-05", "张三");
  await attribute(account, "oFFF", "new_follow", "2026-03-06T02:00:00Z", "2026-03-06", "张三", "1");
  // Of 张三's two followers from March, one left within 7 days: 50.0% retained.
  await db().follower.updateMany({ where: { openid: "oAAA" }, data: { retained7: false } });
  await db().follower.updateMany({ where: { openid: "oFFF" }, data: { retained7: true } });
  await attribute(account, "oCCC", "unknown_scene", "2026-03-05T02:00:00Z", "2026-03-05", undefined, "999");
  await attribute(account, "oDDD", "new_follow", "2026-04-01T02:00:00Z", "2026-04-01", "张三", "1");
  await attribute(other, "oEEE", "organic", "2026-03-10T02:00:00Z", "2026-03-10");
});

describe("GET /api/exports/*", () => {
  it("answers 401 in the error envelope without a session", async () => {
    for (const response of [await getLeaderboard(url("leaderboard", "")), await getLedger(url("ledger", ""))]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Authentication required" } });
    }
  });

  it("answers 409 without a connected account and 400 for a bad range or format", async () => {
    signIn("zh-CN", null);
    expect((await getLedger(url("ledger", ""))).status).toBe(409);
    signIn();
    expect((await getLedger(url("ledger", "from=2026-04-01&to=2026-03-01"))).status).toBe(400);
    expect((await getLeaderboard(url("leaderboard", "format=pdf"))).status).toBe(400);
    expect((await getLeaderboard(url("leaderboard", "sort=bogus"))).status).toBe(400);
  });

  it("exports the leaderboard as CSV with Chinese headers and a UTF-8 file name", async () => {
    signIn();
    const response = await getLeaderboard(url("leaderboard", "from=2026-03-01&to=2026-03-31&sort=scans&format=csv"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"leaderboard-2026-03-01-2026-03-31.csv\"; filename*=UTF-8''%E6%8E%92%E8%A1%8C%E6%A6%9C-2026-03-01-2026-03-31.csv",
    );
    expect((await text(response)).split("\r\n")).toEqual([
      "\uFEFF排名,推广者,团队,场景值,状态,新增关注,重新关注,取消关注,净增,扫码,7日留存（%）,推广者 ID,有效关注,有效关注待定",
      `1,'=SUM(A1),,,启用,3,0,0,3,4,0,${ids["=SUM(A1)"]},0,0`,
      `2,张三,,,启用,2,0,1,1,0,50,${ids["张三"]},0,0`,
      "",
    ]);
  });

  it("exports one team's members with their team's name, and refuses another account's team", async () => {
    signIn();
    const team = await db().team.create({ data: { accountId: account.id, name: "东区" } });
    await db().promoter.update({ where: { id: ids["张三"] }, data: { teamId: team.id } });
    const lines = (await text(await getLeaderboard(url("leaderboard", `from=2026-03-01&to=2026-03-31&team=${team.id}`)))).split("\r\n");
    expect(lines.slice(1)).toEqual([`1,张三,东区,,启用,2,0,1,1,0,50,${ids["张三"]},0,0`, ""]);
    const foreign = await db().team.create({ data: { accountId: other.id, name: "外队" } });
    const refused = await getLeaderboard(url("leaderboard", `from=2026-03-01&to=2026-03-31&team=${foreign.id}`));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toBe("Unknown team");
  });

  it("exports the leaderboard as .xlsx in English", async () => {
    signIn("en");
    const response = await getLeaderboard(url("leaderboard", "from=2026-03-01&to=2026-03-31&format=xlsx"));
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const rows = await readSheet(Buffer.from(await response.arrayBuffer()));
    expect(rows[0]).toEqual(["Rank", "Promoter", "Team", "Scene", "Status", "New", "Re-follows", "Unfollows", "Net", "Scans", "7-day retention (%)", "Promoter ID", "Qualified", "Qualified pending"]);
    expect(rows.slice(1).map((r) => [r[1], r[5], r[10]])).toEqual([["=SUM(A1)", 3, 0], ["张三", 2, 50]]);
  });

  it("streams the ledger of the range as CSV, oldest first, in the account's time", async () => {
    signIn();
    const response = await getLedger(url("ledger", "from=2026-03-01&to=2026-03-31"));
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''%E5%85%B3%E6%B3%A8%E6%98%8E%E7%BB%86-2026-03-01-2026-03-31.csv");
    expect((await text(response)).split("\r\n")).toEqual([
      "\uFEFF时间,日期,类型,粉丝 OpenID,推广者,场景值",
      "2026-03-01 11:00:00,2026-03-01,自然关注,oBBB,,",
      "2026-03-02 00:30:00,2026-03-02,新增关注,oAAA,张三,1",
      "2026-03-05 10:00:00,2026-03-05,取消关注,oAAA,张三,",
      "2026-03-05 10:00:00,2026-03-05,未归属场景,oCCC,,999",
      "2026-03-06 10:00:00,2026-03-06,新增关注,oFFF,张三,1",
      "",
    ]);
  });

  it("exports the ledger as .xlsx", async () => {
    signIn("en");
    const response = await getLedger(url("ledger", "from=2026-03-02&to=2026-04-30&format=xlsx"));
    expect(response.status).toBe(200);
    const rows = await readSheet(Buffer.from(await response.arrayBuffer()));
    expect(rows).toEqual([
      ["Time", "Day", "Kind", "Follower OpenID", "Promoter", "Scene"],
      ["2026-03-02 00:30:00", "2026-03-02", "New follower", "oAAA", "张三", "1"],
      ["2026-03-05 10:00:00", "2026-03-05", "Unfollow", "oAAA", "张三", null],
      ["2026-03-05 10:00:00", "2026-03-05", "Unmapped scene", "oCCC", null, "999"],
      ["2026-03-06 10:00:00", "2026-03-06", "New follower", "oFFF", "张三", "1"],
      ["2026-04-01 10:00:00", "2026-04-01", "New follower", "oDDD", "张三", "1"],
    ]);
  });
});

describe("concurrent Excel exports", () => {
  it("answers 429 when the user's Excel exports are all running, and serves CSV and other users meanwhile", async () => {
    signIn("en");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The user's other exports, still being built.
    const busy = Array.from({ length: MAX_XLSX_EXPORTS_PER_USER }, () => withXlsxExportSlot("u1", () => gate));
    for (const response of [await getLedger(url("ledger", "format=xlsx")), await getLeaderboard(url("leaderboard", "format=xlsx"))]) {
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("10");
      expect(await response.json()).toEqual({ error: { code: "too_many_exports", message: expect.stringContaining("Excel exports in progress") } });
    }
    expect((await getLedger(url("ledger", "format=csv"))).status).toBe(200);
    vi.mocked(getCurrentUser).mockResolvedValueOnce({ id: "u2", email: "other@example.com", name: "Other", role: "viewer" });
    expect((await getLeaderboard(url("leaderboard", "format=xlsx"))).status).toBe(200);
    release();
    await Promise.all(busy);
    expect((await getLedger(url("ledger", "format=xlsx"))).status).toBe(200);
  });
});

describe("GET /api/exports/import-template", () => {
  it("offers the importer's columns in the reader's language, as CSV or .xlsx", async () => {
    expect((await getTemplate(url("import-template", "format=csv"))).status).toBe(401);
    signIn();
    const csv = await getTemplate(url("import-template", "format=csv"));
    expect(await text(csv)).toBe("\uFEFF姓名,手机号,备注,团队\r\n");
    expect(csv.headers.get("content-disposition")).toContain("filename=\"promoters-template.csv\"");
    signIn("en");
    const xlsx = await getTemplate(url("import-template", ""));
    expect(await readSheet(Buffer.from(await xlsx.arrayBuffer()))).toEqual([["Name", "Phone", "Note", "Team"]]);
  });
});

describe("exportLedger", () => {
  it("refuses an .xlsx over the row cap (the route answers 413), while CSV has no cap", async () => {
    const input = { accountId: account.id, timeZone: "Asia/Shanghai", from: "2026-03-01", to: "2026-04-30", t: dictionaryFor("zh-CN"), maxXlsxRows: 4 };
    await expect(exportLedger({ ...input, format: "xlsx" })).rejects.toMatchObject({ name: "LedgerTooLargeError", count: 6, limit: 4 });
    expect((await text(await exportLedger({ ...input, format: "csv" }))).split("\r\n")).toHaveLength(8);
  });
});

describe("ledgerPages", () => {
  it("pages with a keyset cursor, through equal timestamps, without repeating or skipping a row", async () => {
    const pages = [];
    for await (const page of ledgerPages(account.id, { from: "2026-03-01", to: "2026-04-30" }, 2)) pages.push(page.map((r) => r.follower.openid));
    expect(pages).toEqual([["oBBB", "oAAA"], ["oAAA", "oCCC"], ["oFFF", "oDDD"]]);
  });
});
