import { beforeEach, describe, expect, it } from "vitest";
import { GET as privateBackground } from "@/app/p/[token]/poster-background/route";
import { db } from "@/lib/db";
import { encodeQrPng } from "@/lib/qr/encode-png";
import { ensureSelfServiceLink, setSelfServiceEnabled } from "@/lib/self-service/manage-self-service-link";
import { resetDatabase } from "@/test/reset-database";
import { getPosterBackground, getPosterTemplate } from "./get-poster-template";
import { placementSchema, POSTER_MAX_BYTES } from "./poster-layout";
import { deletePosterTemplate, PosterTemplateError, savePosterTemplate } from "./save-poster-template";

const actor = { email: "ops@example.com" };
const checker = { size: 25, get: (x: number, y: number) => (x + y) % 3 === 0 };
const png = (width: number) => new Uint8Array(encodeQrPng(checker as never, width, 0));

const placement = placementSchema.parse({
  name: "双十一", codeX: "25", codeY: "40", codeSize: "50",
  nameX: "50", nameY: "30", nameSize: "6", nameColor: "#111111", nameAlign: "center",
  text: "{name} 邀请你关注", textX: "50", textY: "95", textSize: "4", textColor: "#333333", textAlign: "center",
});

async function seed() {
  const account = await db().account.create({ data: { name: "一号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } });
  const other = await db().account.create({ data: { name: "二号", appId: "wx0000000000000002", appSecretEnc: "x", tokenEnc: "x" } });
  return { account, other };
}

beforeEach(resetDatabase);

describe("poster templates", () => {
  it("saves one default template per account, keeps the background when none is uploaded, and audits each change", async () => {
    const { account, other } = await seed();
    await expect(savePosterTemplate(account.id, { placement }, actor)).rejects.toMatchObject({ key: "backgroundRequired" });
    await savePosterTemplate(account.id, { placement, background: png(400) }, actor);
    const first = (await getPosterTemplate(account.id))!;
    expect(first).toMatchObject({ name: "双十一", layout: { width: 400, height: 400, code: { x: 0.25, y: 0.4, size: 0.5 }, text: { value: "{name} 邀请你关注" } } });
    await new Promise((r) => setTimeout(r, 5));
    await savePosterTemplate(account.id, { placement: { ...placement, name: "新名字", codeSize: 0.3 } }, actor);
    const second = (await getPosterTemplate(account.id))!;
    expect(second).toMatchObject({ id: first.id, name: "新名字", layout: { width: 400, code: { size: 0.3 } } });
    expect(second.version).not.toBe(first.version);
    expect(await db().posterTemplate.count()).toBe(1);
    expect((await getPosterBackground(account.id))!.data).toEqual(png(400));
    expect(await getPosterTemplate(other.id)).toBeNull();
    expect(await db().auditLog.count({ where: { action: "poster.save", targetId: first.id } })).toBe(2);

    expect(await deletePosterTemplate(account.id, actor)).toBe(true);
    expect(await deletePosterTemplate(account.id, actor)).toBe(false);
    expect(await getPosterTemplate(account.id)).toBeNull();
    expect(await db().auditLog.count({ where: { action: "poster.delete" } })).toBe(1);
  });

  it("refuses bad backgrounds and a code beyond the image, changing nothing", async () => {
    const { account } = await seed();
    await savePosterTemplate(account.id, { placement, background: png(400) }, actor);
    const before = await getPosterTemplate(account.id);
    const refuse = async (input: Parameters<typeof savePosterTemplate>[1], key: PosterTemplateError["key"]) => {
      await expect(savePosterTemplate(account.id, input, actor)).rejects.toMatchObject({ name: "PosterTemplateError", key });
    };
    await refuse({ placement, background: new TextEncoder().encode("<svg/>") }, "notImage");
    await refuse({ placement, background: png(100) }, "tooSmall");
    await refuse({ placement, background: new Uint8Array(POSTER_MAX_BYTES + 1) }, "tooLarge");
    await refuse({ placement: { ...placement, codeX: 0.6 } }, "codeOutside");
    expect(await getPosterTemplate(account.id)).toEqual(before);
    expect(await db().auditLog.count({ where: { action: "poster.save" } })).toBe(1);
  });

  it("serves the background to a private link of the same account only while the link works", async () => {
    const { account } = await seed();
    const promoter = await db().promoter.create({ data: { accountId: account.id, name: "张三" } });
    const { token } = await ensureSelfServiceLink(account.id, promoter.id, actor);
    const get = (t: string) => privateBackground(new Request(`http://app/p/${t}/poster-background`), { params: Promise.resolve({ token: t }) });
    expect((await get(token!)).status).toBe(404); // no template yet
    await savePosterTemplate(account.id, { placement, background: png(300) }, actor);
    const response = await get(token!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(png(300));
    await setSelfServiceEnabled(account.id, promoter.id, false, actor);
    expect((await get(token!)).status).toBe(404);
    expect((await get("A".repeat(43))).status).toBe(404);
  });
});
