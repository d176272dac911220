import { getServerSession } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { saveAccountAction, switchAccountAction } from "@/app/(dashboard)/settings/actions";
import { GET as exportLeaderboard } from "@/app/api/exports/leaderboard/route";
import { GET as downloadQr } from "@/app/api/qrcodes/[id]/route";
import { createUser } from "@/lib/auth/create-user";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getOverview } from "@/lib/stats/get-overview";
import { LastAdminError, SelfChangeError } from "@/lib/users/admin-guard";
import { setUserAccounts } from "@/lib/users/set-user-accounts";
import { resetDatabase } from "@/test/reset-database";
import { ACCOUNT_COOKIE, getActiveAccount } from "./active-account";

vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The browser controls its cookies: the test forges the account switcher's.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), set: (name: string, value: string) => jar.set(name, value), getAll: () => [] }),
  headers: async () => new Headers(),
}));

// next.config.js enables forbidden() (experimental.authInterrupts); Next passes that on like this.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let ours = "";
let theirs = "";
let theirQr = "";

const signInAs = (user: { id: string }) =>
  vi.mocked(getServerSession).mockResolvedValue({ user: { id: user.id, sv: 0, signedInAt: Date.now() }, expires: "2099-01-01" } as never);
const caught = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: { digest?: string; message?: string }) => e.digest ?? e.message);

async function account(name: string, appId: string, promoter: string, scene: number) {
  const { id } = await db().account.create({ data: { name, appId, appSecretEnc: "x", tokenEnc: "x" } });
  const p = await db().promoter.create({ data: { accountId: id, name: promoter } });
  const qr = await db().qrCode.create({ data: { accountId: id, promoterId: p.id, sceneId: scene, sceneKey: String(scene), status: "active", url: `http://weixin.qq.com/q/${scene}` } });
  await db().promoterDailyStat.create({ data: { accountId: id, promoterId: p.id, day: "2026-03-01", newFollowers: scene } });
  return { id, qr: qr.id };
}

beforeEach(async () => {
  await resetDatabase();
  jar.clear();
  ({ id: ours } = await account("客户甲", "wx00000000000000a1", "甲的推广员", 3));
  ({ id: theirs, qr: theirQr } = await account("客户乙", "wx00000000000000b2", "乙的推广员", 40));
});

describe("accounts per user", () => {
  it("a restricted user cannot read another account's data by forging the account selection", async () => {
    const admin = await createUser({ email: "admin@example.com", password: "correct-horse-1" }, { email: "cli" });
    const agent = await createUser({ email: "agent@example.com", password: "correct-horse-1", role: "viewer" }, { email: "cli" });
    await setUserAccounts(agent.id, { allAccounts: false, accountIds: [ours] }, admin);
    signInAs(agent);
    jar.set(ACCOUNT_COOKIE, theirs);

    const { account, accounts } = await getActiveAccount();
    expect(account?.id).toBe(ours);
    expect(accounts.map((a) => a.id)).toEqual([ours]);
    const csv = await (await exportLeaderboard(new Request("http://app.test/api/exports/leaderboard?from=2026-03-01&to=2026-03-31&format=csv"))).text();
    expect(csv).toContain("甲的推广员");
    expect(csv).not.toContain("乙的推广员");
    expect((await downloadQr(new Request(`http://app.test/api/qrcodes/${theirQr}`), { params: Promise.resolve({ id: theirQr }) })).status).toBe(404);
    expect(await getOverview(account!.id)).toEqual({ promoters: 1, followers: 3 });
    expect(await caught(switchAccountAction(theirs))).toMatch(/403/);
    expect(jar.get(ACCOUNT_COOKIE)).toBe(theirs); // unchanged by the refused switch, and still ignored
  });

  it("a restricted admin edits only their accounts, adds none, and may not manage users", async () => {
    const admin = await createUser({ email: "admin@example.com", password: "correct-horse-1" }, { email: "cli" });
    const agency = await createUser({ email: "agency@example.com", password: "correct-horse-1" }, { email: "cli" });
    await setUserAccounts(agency.id, { allAccounts: false, accountIds: [ours] }, admin);
    signInAs(agency);
    const form = new FormData();
    form.set("name", "改名");
    expect(await caught(saveAccountAction(theirs, form))).toMatch(/403/);
    expect(await caught(saveAccountAction(null, form))).toMatch(/403/);
    expect((await db().account.findUniqueOrThrow({ where: { id: theirs } })).name).toBe("客户乙");
    expect(await caught(requireUser("manage-users"))).toMatch(/403/);
    expect(await requireUser("write")).toMatchObject({ id: agency.id });
  });

  it("existing users keep every account, and the guard keeps one admin with all of them", async () => {
    const admin = await createUser({ email: "admin@example.com", password: "correct-horse-1" }, { email: "cli" });
    signInAs(admin);
    expect((await getActiveAccount()).accounts).toHaveLength(2);
    // The overview's figures are the selected account's alone, never the sum of all accounts (3 + 40).
    expect(await getOverview((await getActiveAccount()).account!.id)).toEqual({ promoters: 1, followers: 3 });
    await expect(setUserAccounts(admin.id, { allAccounts: false, accountIds: [ours] }, admin)).rejects.toBeInstanceOf(SelfChangeError);
    await expect(setUserAccounts(admin.id, { allAccounts: false, accountIds: [ours] }, { id: "cli", email: "cli" })).rejects.toBeInstanceOf(LastAdminError);
    const viewer = await createUser({ email: "v@example.com", password: "correct-horse-1", role: "viewer" }, { email: "cli" });
    await expect(setUserAccounts(viewer.id, { allAccounts: false, accountIds: [] }, admin)).rejects.toThrow();
    await expect(setUserAccounts(viewer.id, { allAccounts: false, accountIds: ["nope"] }, admin)).rejects.toThrow(/do not exist/);
    expect(await db().user.findUniqueOrThrow({ where: { id: viewer.id } })).toMatchObject({ allAccounts: true });
    await setUserAccounts(viewer.id, { allAccounts: false, accountIds: [theirs] }, admin);
    await setUserAccounts(viewer.id, { allAccounts: true }, admin);
    expect(await db().userAccount.count()).toBe(0);
    expect(await db().auditLog.count({ where: { action: "user.accounts", targetId: viewer.id } })).toBe(2);
  });
});
