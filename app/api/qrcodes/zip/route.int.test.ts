import { beforeEach, describe, expect, it, vi } from "vitest";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { zipProgress } from "@/lib/qr/zip/zip-progress";
import { readZip, isPng } from "@/test/read-zip";
import { resetDatabase } from "@/test/reset-database";
import { GET } from "./route";

// Outside a request Next has no cookies or session: the route's collaborators that read them are stubbed.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("@/lib/accounts/active-account", () => ({ getActiveAccount: vi.fn() }));

type Account = { id: string; name: string; timezone: string };
let account: Account;
let other: Account;
const promoters: Record<string, string> = {};

function signIn(active: Account | null = account, mustChangePassword = false) {
  vi.mocked(getCurrentUser).mockResolvedValue({ id: "u1", email: "v@example.com", name: "V", role: "viewer", mustChangePassword } as never);
  vi.mocked(getActiveAccount).mockResolvedValue({ account: active, accounts: [] } as never);
}

const entriesOf = (zip: Buffer) => readZip(zip).map((f) => ({ name: f.name, png: isPng(f.data) }));

const get = (query = "") => GET(new Request(`http://app.test/api/qrcodes/zip${query}`));
let scene = 100;
async function code(acc: Account, promoterId: string, data: Record<string, unknown> = {}) {
  const sceneKey = String(scene++);
  return db().qrCode.create({ data: { accountId: acc.id, promoterId, sceneId: Number(sceneKey), sceneKey, status: "active", url: `http://weixin.qq.com/q/02${sceneKey}`, ...data } });
}

beforeEach(async () => {
  await resetDatabase();
  scene = 100;
  vi.mocked(getCurrentUser).mockResolvedValue(null);
  account = await db().account.create({ data: { name: "服务号", appId: "wx00000000000000z1", appSecretEnc: "x", tokenEnc: "x" } });
  other = await db().account.create({ data: { name: "其他", appId: "wx00000000000000z2", appSecretEnc: "x", tokenEnc: "x" } });
  for (const name of ["张三", "李四", "停用"]) promoters[name] = (await db().promoter.create({ data: { accountId: account.id, name, active: name !== "停用" } })).id;
  promoters.foreign = (await db().promoter.create({ data: { accountId: other.id, name: "外人" } })).id;
  await code(account, promoters["张三"]); // 100
  await code(account, promoters["张三"], { kind: "QR_STR_SCENE", sceneId: null, sceneKey: "spring", label: "春季" });
  await code(account, promoters["李四"]); // 101
  await code(account, promoters["李四"], { expiresAt: new Date(Date.now() - 1000), kind: "QR_SCENE" }); // expired
  await code(account, promoters["李四"], { status: "pending", url: null }); // not made yet
  await code(account, promoters["停用"]);
  await code(other, promoters.foreign);
});

describe("GET /api/qrcodes/zip", () => {
  it("refuses without a session, and before a temporary password is changed", async () => {
    expect((await get()).status).toBe(401);
    signIn(account, true);
    expect((await get()).status).toBe(401);
  });

  it("streams every active code of the active promoters as a PNG named <name>-<scene>.png, Chinese intact", async () => {
    signIn();
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("服务号-二维码-")}`);
    expect(response.headers.get("x-zip-entries")).toBe("3");
    const zip = Buffer.from(await response.arrayBuffer());
    const entries = entriesOf(zip);
    expect(entries.map((e) => e.name).sort()).toEqual(["张三-100.png", "张三-spring.png", "李四-102.png"].sort());
    expect(entries.every((e) => e.png)).toBe(true);
    expect(zipProgress().feed(zip)).toBe(3); // what the page's progress counter reads
  });

  it("takes a selection of promoters (a deactivated one too, when chosen) and never another account's", async () => {
    signIn();
    const query = `?${new URLSearchParams([["ids", promoters["停用"]], ["ids", promoters.foreign]])}`;
    const entries = entriesOf(Buffer.from(await (await get(query)).arrayBuffer()));
    expect(entries.map((e) => e.name)).toEqual(["停用-105.png"]);
  });

  it("takes a campaign: its enrolled codes with an image, whatever their promoter, never another account's campaign", async () => {
    signIn();
    const codes = await db().qrCode.findMany({ where: { sceneKey: { in: ["spring", "102", "103", "105"] } }, orderBy: { sceneKey: "asc" } });
    const campaign = await db().campaign.create({ data: { accountId: account.id, name: "春季", startDay: "2026-03-01", endDay: "2026-03-31" } });
    await db().campaignCode.createMany({ data: codes.map((c) => ({ campaignId: campaign.id, qrCodeId: c.id })) }); // 103 is expired
    const entries = entriesOf(Buffer.from(await (await get(`?campaign=${campaign.id}`)).arrayBuffer()));
    expect(entries.map((e) => e.name).sort()).toEqual(["停用-105.png", "张三-spring.png", "李四-102.png"]);
    const foreign = await db().campaign.create({ data: { accountId: other.id, name: "外", startDay: "2026-03-01", endDay: "2026-03-31" } });
    await db().campaignCode.create({ data: { campaignId: foreign.id, qrCodeId: codes[0].id } });
    expect((await get(`?campaign=${foreign.id}`)).status).toBe(404); // another account's campaign, even holding this account's code
    expect((await get("?campaign=bad%20id")).status).toBe(404); // an unreadable id selects nothing, not everything
  });

  it("answers 404 with a clear message when the selection holds no usable code", async () => {
    signIn();
    const response = await get(`?ids=${promoters.foreign}`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe("No active QR code in the selection");
    signIn(null);
    expect((await get()).status).toBe(404);
  });
});
