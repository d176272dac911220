import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureSelfServiceLink, rotateSelfServiceLink, setSelfServiceEnabled } from "@/lib/self-service/manage-self-service-link";
import { resetDatabase } from "@/test/reset-database";
import { GET } from "./route";

const actor = { email: "ops@example.com" };
const get = (token: string, query = "") => GET(new Request(`http://app/p/${token}/qr${query}`), { params: Promise.resolve({ token }) });

async function seed(url: string | null = "http://weixin.qq.com/q/abc", name = "张三") {
  const account = await db().account.create({ data: { name: "一号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } });
  const promoter = await db().promoter.create({ data: { accountId: account.id, name } });
  await db().qrCode.create({ data: { accountId: account.id, promoterId: promoter.id, sceneId: 7, sceneKey: "7", url, status: url ? "active" : "failed" } });
  const { token } = await ensureSelfServiceLink(account.id, promoter.id, actor);
  return { accountId: account.id, promoterId: promoter.id, token: token! };
}

beforeEach(resetDatabase);

describe("GET /p/[token]/qr", () => {
  it("serves the promoter's code as an inline PNG that is never cached or indexed", async () => {
    const { token } = await seed();
    const response = await get(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="qrcode-7.png"/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await get(token, "?download=1")).headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("answers 404 for unknown, replaced and disabled links, and for a code that is not ready", async () => {
    const { accountId, promoterId, token } = await seed();
    expect((await get("A".repeat(43))).status).toBe(404);
    expect((await get("../../etc")).status).toBe(404);
    const fresh = (await rotateSelfServiceLink(accountId, promoterId, actor)).token!;
    expect((await get(token)).status).toBe(404);
    await setSelfServiceEnabled(accountId, promoterId, false, actor);
    const disabled = await get(fresh);
    expect(disabled.status).toBe(404);
    expect(disabled.headers.get("referrer-policy")).toBe("no-referrer");
    await resetDatabase();
    expect((await get((await seed(null)).token)).status).toBe(404);
  });

  it("names the file after the promoter in a header every client can read, whatever the name", async () => {
    const name = `O'Brien "张三"; 北京`;
    const { token } = await seed(undefined, name);
    const header = (await get(token, "?download=1")).headers.get("content-disposition")!;
    // RFC 6266: a quoted ASCII fallback, then RFC 5987 attr-chars and %XX only (no apostrophe, quote or space).
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''(?:[A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-F]{2})+$/);
    expect(header).toContain('filename="qrcode-7.png"');
    expect(decodeURIComponent(header.split("filename*=UTF-8''")[1])).toBe(`${name}-7.png`);
  });
});
