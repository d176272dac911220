import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { zhCN } from "@/lib/i18n/zh-CN";
import { resetDatabase } from "@/test/reset-database";
import { findSelfServicePromoter } from "./find-self-service-promoter";
import { issuePrivateLinks } from "./issue-private-links";
import { countLinkSelection, resolveLinkSelection, UnknownSelectionError } from "./link-selection";
import { ensureSelfServiceLink, setSelfServiceEnabled } from "./manage-self-service-link";
import { privateLinksFile } from "./private-links-file";

const actor = { email: "ops@example.com" };

async function seed() {
  const account = await db().account.create({ data: { name: "一号公众号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } });
  const other = await db().account.create({ data: { name: "二号", appId: "wx0000000000000002", appSecretEnc: "x", tokenEnc: "x" } });
  const team = await db().team.create({ data: { accountId: account.id, name: "东区" } });
  const add = (name: string, extra: { phone?: string; teamId?: string; active?: boolean; accountId?: string } = {}) =>
    db().promoter.create({ data: { accountId: extra.accountId ?? account.id, name, phone: extra.phone, teamId: extra.teamId, active: extra.active ?? true } });
  const a = await add("张三", { phone: "13800000001", teamId: team.id });
  const b = await add("李四", { teamId: team.id });
  const c = await add("王五");
  const retired = await add("已停用", { active: false });
  const foreign = await add("外号", { accountId: other.id });
  return { account, other, team, a, b, c, retired, foreign };
}

beforeEach(resetDatabase);

describe("issuing private links in bulk", () => {
  it("creates missing links and replaces existing ones in one go: old links die, new ones open the right promoter, one audit entry", async () => {
    const { account, a, b, c, retired, foreign } = await seed();
    const { token: oldA } = await ensureSelfServiceLink(account.id, a.id, actor);
    await setSelfServiceEnabled(account.id, a.id, false, actor);
    const before = await db().auditLog.count();

    const result = await issuePrivateLinks(account.id, { kind: "all" }, "all", actor);
    expect(result).toMatchObject({ created: 2, rotated: 1, kept: 0 });
    expect(result.links.map((l) => [l.name, l.rotated, l.enabled])).toEqual([["张三", true, false], ["李四", false, true], ["王五", false, true]]);
    expect(await findSelfServicePromoter(oldA!)).toBeNull();
    await setSelfServiceEnabled(account.id, a.id, true, actor); // a replaced link keeps its off state until turned on
    for (const link of result.links) expect((await findSelfServicePromoter(link.token))?.id).toBe(link.promoterId);
    expect(new Set(result.links.map((l) => l.token)).size).toBe(3);
    for (const untouched of [retired, foreign]) {
      expect(await db().promoter.findUniqueOrThrow({ where: { id: untouched.id }, select: { selfServiceTokenHash: true } })).toEqual({ selfServiceTokenHash: null });
    }
    const audits = await db().auditLog.findMany({ where: { action: "selfservice.bulk" } });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0].detail!)).toEqual({ selection: "all", mode: "all", created: 2, rotated: 1, kept: 0 });
    for (const link of result.links) expect(audits[0].detail).not.toContain(link.token);
    expect(await db().auditLog.count()).toBe(before + 2); // the bulk entry and the enable above
    void b;
    void c;
  });

  it("create-only leaves existing links working and out of the file", async () => {
    const { account, a, b, c } = await seed();
    const { token: oldA } = await ensureSelfServiceLink(account.id, a.id, actor);
    expect(await countLinkSelection(account.id, { kind: "all" })).toEqual({ total: 3, withLink: 1, withoutLink: 2 });
    const result = await issuePrivateLinks(account.id, { kind: "all" }, "missing", actor);
    expect(result).toMatchObject({ created: 2, rotated: 0, kept: 1 });
    expect(result.links.map((l) => l.promoterId)).toEqual([b.id, c.id]);
    expect((await findSelfServicePromoter(oldA!))?.id).toBe(a.id);
    for (const link of result.links) expect((await findSelfServicePromoter(link.token))?.id).toBe(link.promoterId);
    // Running it again finds nothing to do.
    expect(await issuePrivateLinks(account.id, { kind: "all" }, "missing", actor)).toMatchObject({ links: [], created: 0, kept: 3 });
  });

  it("honours the selection: ticked ids (never another account's), a team, a campaign", async () => {
    const { account, team, a, b, c, foreign } = await seed();
    const ticked = await issuePrivateLinks(account.id, { kind: "selected", ids: [c.id, foreign.id] }, "all", actor);
    expect(ticked.links.map((l) => l.promoterId)).toEqual([c.id]);
    const byTeam = await issuePrivateLinks(account.id, { kind: "team", teamId: team.id }, "all", actor);
    expect(byTeam.links.map((l) => [l.name, l.team])).toEqual([["张三", "东区"], ["李四", "东区"]]);
    const code = await db().qrCode.create({ data: { accountId: account.id, promoterId: b.id, kind: "QR_LIMIT_SCENE", sceneId: 1, sceneKey: "1", status: "active" } });
    const campaign = await db().campaign.create({ data: { accountId: account.id, name: "双十一", startDay: "2026-11-01", endDay: "2026-11-11" } });
    await db().campaignCode.create({ data: { campaignId: campaign.id, qrCodeId: code.id } });
    const byCampaign = await issuePrivateLinks(account.id, { kind: "campaign", campaignId: campaign.id }, "all", actor);
    expect(byCampaign.links.map((l) => l.promoterId)).toEqual([b.id]);
    await expect(resolveLinkSelection(account.id, { kind: "team", teamId: "nope" })).rejects.toBeInstanceOf(UnknownSelectionError);
    const otherTeam = await db().team.create({ data: { accountId: foreign.accountId, name: "别人的" } });
    await expect(resolveLinkSelection(account.id, { kind: "team", teamId: otherTeam.id })).rejects.toBeInstanceOf(UnknownSelectionError);
    void a;
  });

  it("writes the file with absolute links, Chinese headers and a Chinese name", async () => {
    const { account } = await seed();
    const { links } = await issuePrivateLinks(account.id, { kind: "all" }, "all", actor);
    const csv = await privateLinksFile(links, "https://sc.example.com/", "csv", zhCN, "2026-12-04");
    expect(csv.fileName).toBe("专属链接-2026-12-04.csv");
    const lines = csv.data.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("姓名,手机号,团队,专属链接,链接状态,变化");
    expect(lines[1]).toBe(`张三,13800000001,东区,https://sc.example.com/p/${links[0].token},启用,新生成`);
    const xlsx = await privateLinksFile(links, "https://sc.example.com", "xlsx", zhCN, "2026-12-04");
    expect(xlsx.fileName).toBe("专属链接-2026-12-04.xlsx");
    expect(xlsx.data.subarray(0, 2).toString()).toBe("PK");
  });

  it("handles a 2,000-promoter selection in one transaction", async () => {
    const { account } = await seed();
    await db().promoter.createMany({ data: Array.from({ length: 2000 }, (_, i) => ({ accountId: account.id, name: `推广者${i}` })) });
    await issuePrivateLinks(account.id, { kind: "all" }, "missing", actor); // half of the later run's rows then have a link
    await db().promoter.updateMany({ where: { accountId: account.id, name: { startsWith: "推广者1" } }, data: { selfServiceTokenHash: null } });
    const started = performance.now();
    const result = await issuePrivateLinks(account.id, { kind: "all" }, "all", actor);
    const ms = performance.now() - started;
    console.log(`bulk links: ${result.links.length} links (${result.created} new, ${result.rotated} replaced) in ${Math.round(ms)} ms`);
    expect(result.links).toHaveLength(2003);
    expect(result.created).toBe(1111);
    const sample = result.links[1500];
    expect((await findSelfServicePromoter(sample.token))?.id).toBe(sample.promoterId);
    expect(ms).toBeLessThan(20_000); // a loose bound only; the measured time is what the log says
  });
});
