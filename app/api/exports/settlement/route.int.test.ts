import { inflateRawSync } from "node:zlib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { recordEvent } from "@/lib/attribution/record-event";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { dictionaryFor, type Locale } from "@/lib/i18n/locales";
import { setPrice } from "@/lib/settlement/save-price";
import { settlePeriod } from "@/lib/settlement/settle-period";
import { readZip } from "@/test/read-zip";
import { resetDatabase } from "@/test/reset-database";
import { GET } from "./route";

// Outside a request Next has no cookies or session: the route's collaborators that read them are stubbed.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("@/lib/accounts/active-account", () => ({ getActiveAccount: vi.fn() }));
vi.mock("@/lib/i18n/get-dictionary", () => ({ getDictionary: vi.fn() }));

type Account = { id: string; timezone: string; qualifyDays: number };
let account: Account;
let other: Account;
let runId = "";

function signIn(role: "admin" | "viewer", active: Account = account, locale: Locale = "zh-CN") {
  vi.mocked(getCurrentUser).mockResolvedValue({ id: `u-${role}`, email: `${role}@example.com`, name: role, role });
  vi.mocked(getActiveAccount).mockResolvedValue({ account: active, accounts: [] } as never);
  vi.mocked(getDictionary).mockResolvedValue({ locale, t: dictionaryFor(locale) });
}
const get = (query: string) => GET(new Request(`http://app.test/api/exports/settlement?${query}`));
const text = async (response: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());

beforeEach(async () => {
  await resetDatabase();
  const make = (appId: string) => db().account.create({ data: { name: appId, appId, appSecretEnc: "x", tokenEnc: "x" } });
  account = await make("wx7777000011112222");
  other = await make("wx7777000011113333");
  const promoter = await db().promoter.create({ data: { accountId: account.id, name: "张三" } });
  await db().qrCode.create({ data: { accountId: account.id, promoterId: promoter.id, sceneId: 1, sceneKey: "1", status: "active" } });
  await setPrice(account.id, { scope: "account", price: "2" }, { email: "t" });
  await recordEvent(account, { fromUser: "oA", createTime: Date.UTC(2026, 10, 2, 4) / 1000, event: "subscribe", eventKey: "qrscene_1", scene: "1", ticket: null });
  runId = (await settlePeriod(account, { fromDay: "2026-11-01", toDay: "2026-11-07" }, { email: "t" }, new Date("2026-11-20T00:00:00Z"))).id;
});

describe("GET /api/exports/settlement", () => {
  it("gives an admin the payout sheet, the evidence and the Excel file, in the reader's language", async () => {
    signIn("admin");
    const lines = await get(`id=${runId}`);
    expect(lines.headers.get("content-disposition")).toContain("settlement-1-2026-11-01-2026-11-07.csv");
    expect((await text(lines)).split("\r\n")[1]).toMatch(/^2026-11-01~2026-11-07,张三,,1,1,2\.00,2\.00,0,0\.00,2\.00,/);
    signIn("admin", account, "en");
    expect((await text(await get(`id=${runId}&sheet=evidence`))).split("\r\n")[1]).toMatch(/^张三,oA,1,2026-11-02,2026-11-02 12:00:00,,Yes,Following after 3 days,2\.00,2\.00,No,/);
    const xlsx = await get(`id=${runId}&format=xlsx`);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = readZip(Buffer.from(await xlsx.arrayBuffer())).find((f) => f.name === "xl/workbook.xml")!;
    expect(inflateRawSync(workbook.data).toString()).toMatch(/name="Payout sheet"\/><sheet [^>]*name="Follower evidence"/);
  });

  it("refuses viewers, nobody signed in, another account's run and bad input", async () => {
    signIn("viewer");
    expect((await get(`id=${runId}`)).status).toBe(403);
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    expect((await get(`id=${runId}`)).status).toBe(401);
    signIn("admin", other);
    expect((await get(`id=${runId}`)).status).toBe(404);
    signIn("admin");
    expect((await get(`id=${runId}&format=pdf`)).status).toBe(400);
  });
});
