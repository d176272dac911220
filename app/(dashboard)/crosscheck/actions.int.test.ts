import { beforeEach, describe, expect, it, vi } from "vitest";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { latestReadyDay } from "@/lib/crosscheck/datacube-days";
import { db } from "@/lib/db";
import { addDays } from "@/lib/stats/day";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { runCrosscheckAction } from "./actions";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ requireUser: vi.fn() }));
vi.mock("@/lib/accounts/active-account", () => ({ requireActiveAccountId: vi.fn() }));

const SUMMARY = "/datacube/getusersummary";
const sim = simulatorForTests();
const to = latestReadyDay();
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  sim.current.state.datacube.now = () => Date.now();
  const account = await createTestAccount("wx0000000000action");
  const admin = await db().user.create({ data: { email: "admin@example.com", passwordHash: "x", role: "admin" } });
  vi.mocked(requireUser).mockReset().mockResolvedValue({ id: admin.id, email: admin.email, name: "", role: "admin", mustChangePassword: false, allAccounts: true, accountIds: [] });
  vi.mocked(requireActiveAccountId).mockReset().mockResolvedValue(account.id);
});

describe("立即从微信获取 (runCrosscheckAction)", () => {
  it("needs the write permission, fetches the selected account's range and audits it", async () => {
    expect(await runCrosscheckAction(form({ from: addDays(to, -6), to }))).toEqual({ ok: true, days: 7, fetched: true });
    expect(requireUser).toHaveBeenCalledWith("write");
    expect(await db().wechatDailyCumulate.count()).toBe(7);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "crosscheck.fetch" } });
    expect(audit).toMatchObject({ actor: "admin@example.com", targetType: "account" });
    expect(JSON.parse(audit.detail ?? "{}")).toEqual({ from: addDays(to, -6), to, days: 7 });
  });

  it("refuses a bad range before asking WeChat; a refused user changes nothing", async () => {
    for (const fields of [{ from: to, to: addDays(to, -1) }, { from: "2026-02-30", to }, { from: addDays(to, -100), to }, { from: "", to: "" }]) {
      expect(await runCrosscheckAction(form(fields))).toEqual({ ok: false, invalid: true });
    }
    vi.mocked(requireUser).mockRejectedValue(new Error("NEXT_HTTP_ERROR_FALLBACK;403"));
    await expect(runCrosscheckAction(form({ from: to, to }))).rejects.toThrow(/403/);
    expect(sim.current.state.callCount(SUMMARY)).toBe(0);
    expect(await db().auditLog.count()).toBe(0);
  });

  it("answers WeChat's errcode (and audits the attempt with it)", async () => {
    sim.current.state.failNext(45009, 1, SUMMARY);
    expect(await runCrosscheckAction(form({ from: to, to }))).toMatchObject({ ok: false, errcode: 45009 });
    expect(JSON.parse((await db().auditLog.findFirstOrThrow()).detail ?? "{}")).toMatchObject({ errcode: 45009 });
  });
});
