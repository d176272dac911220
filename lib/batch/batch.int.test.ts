import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { createPromoter } from "@/lib/promoters/create-promoter";
import { startSimulator, type RunningSimulator } from "@/lib/wechat/simulator/start-simulator";
import { resetDatabase } from "@/test/reset-database";
import { countCodesByStatus, GENERATING, startBatch } from "./batch-scope";
import { generateNextBatch } from "./generate-next-batch";
import { listSheetCards } from "./list-sheet-cards";

const actor = { email: "test" };
const CREATE = "/cgi-bin/qrcode/create";
let simulator: RunningSimulator;
let accountId: string;

beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

beforeEach(async () => {
  await resetDatabase();
  simulator.state.reset();
  process.env.WECHAT_API_BASE = simulator.url;
  resetEnvForTests();
  const account = await db().account.create({
    data: { name: "服务号", appId: "wx1111222233334444", appSecretEnc: sealSecret("abcdefabcdefabcdefabcdefabcdef12", authSecret()), tokenEnc: "x" },
  });
  accountId = account.id;
});

async function importPromoters(count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await createPromoter(accountId, { name: `推广者${i}` }, actor, { issueCode: false })).promoterId);
  return ids;
}

/** Drives a run to its end the way the progress UI does, one step of `limit` codes at a time. */
async function runToEnd(promoterIds?: string[], limit = 4) {
  const { since, total } = await startBatch(accountId, promoterIds);
  const steps = [];
  for (let step; !step || (step.remaining > 0 && !step.stopped); ) {
    step = await generateNextBatch({ accountId, promoterIds, since: new Date(since) }, { limit });
    steps.push(step);
  }
  return { total, steps, created: steps.reduce((n, s) => n + s.created, 0) };
}

describe("batch QR code generation", () => {
  it("creates every pending code in steps, then has nothing left", async () => {
    await importPromoters(7);
    expect(await countCodesByStatus(accountId)).toMatchObject({ pending: 7, active: 0 });
    const run = await runToEnd();
    expect(run).toMatchObject({ total: 7, created: 7 });
    expect(run.steps.map((s) => s.remaining)).toEqual([3, 0]);
    expect(await countCodesByStatus(accountId)).toMatchObject({ pending: 0, failed: 0, generating: 0, active: 7 });
    expect(simulator.state.callCount(CREATE)).toBe(7);
    expect((await startBatch(accountId)).total).toBe(0);
  });

  it("stops on the daily quota (45009), keeps what was created, and resumes later", async () => {
    await importPromoters(6);
    simulator.state.failNext(45009, 1, CREATE);
    const first = await runToEnd(undefined, 10);
    const stop = first.steps.at(-1)!.stopped;
    expect(stop).toMatchObject({ errcode: 45009 });
    expect(stop!.hint.zh).toContain("上限");
    expect(first.created).toBeLessThan(6);
    const afterStop = await countCodesByStatus(accountId);
    expect(afterStop.failed).toBe(1);
    expect(afterStop.active).toBe(first.created);

    const resumed = await runToEnd(undefined, 10);
    expect(resumed.total).toBe(6 - first.created);
    expect(resumed.steps.at(-1)).toMatchObject({ stopped: null, remaining: 0 });
    expect(await countCodesByStatus(accountId)).toMatchObject({ active: 6, failed: 0 });
    const failed = await db().qrCode.findFirst({ where: { lastErrorCode: { not: null } } });
    expect(failed).toBeNull();
  });

  it("stops on the rate limit (45011) too", async () => {
    await importPromoters(2);
    simulator.state.failNext(45011, 1, CREATE);
    const step = await generateNextBatch({ accountId, since: new Date() }, { limit: 10, concurrency: 1 });
    expect(step).toMatchObject({ created: 0, stopped: { errcode: 45011 }, remaining: 1 });
  });

  it("reports a code-specific failure, tries it once per run, and retries it in the next run", async () => {
    await importPromoters(3);
    simulator.state.failNext(40053, 1, CREATE);
    const run = await runToEnd(undefined, 2);
    expect(run.created).toBe(2);
    expect(run.steps.flatMap((s) => s.failed)).toEqual([expect.objectContaining({ errcode: 40053, name: expect.stringMatching(/^推广者/) })]);
    expect(run.steps.at(-1)).toMatchObject({ stopped: null, remaining: 0 });
    const retry = await runToEnd();
    expect(retry).toMatchObject({ total: 1, created: 1 });
  });

  it("never calls WeChat twice for one code when two admins run batches at once", async () => {
    await importPromoters(9);
    const since = new Date();
    const [a, b] = await Promise.all([
      generateNextBatch({ accountId, since }, { limit: 9 }),
      generateNextBatch({ accountId, since }, { limit: 9 }),
    ]);
    expect(a.created + b.created).toBe(9);
    expect(a.skipped + b.skipped).toBe(9);
    expect(simulator.state.callCount(CREATE)).toBe(9);
  });

  it("takes over a claim abandoned by a runner that died, and leaves fresh claims alone", async () => {
    const [stale, fresh] = await importPromoters(2);
    await db().qrCode.updateMany({ where: { promoterId: stale }, data: { status: GENERATING, updatedAt: new Date(Date.now() - 10 * 60_000) } });
    await db().qrCode.updateMany({ where: { promoterId: fresh }, data: { status: GENERATING } });
    const run = await runToEnd();
    expect(run).toMatchObject({ total: 1, created: 1 });
    expect((await db().qrCode.findFirstOrThrow({ where: { promoterId: stale } })).status).toBe("active");
    expect((await db().qrCode.findFirstOrThrow({ where: { promoterId: fresh } })).status).toBe(GENERATING);
  });

  it("limits a run to selected promoters and skips deactivated ones", async () => {
    const [a, b, c] = await importPromoters(3);
    await db().promoter.update({ where: { id: b }, data: { active: false } });
    const run = await runToEnd([a, b]);
    expect(run).toMatchObject({ total: 1, created: 1 });
    expect((await db().qrCode.findFirstOrThrow({ where: { promoterId: c } })).status).toBe("pending");
  });
});

describe("print sheet cards", () => {
  it("lists active codes of active promoters, oldest first, and counts those left out", async () => {
    const [a, b, c, d] = await importPromoters(4);
    await runToEnd([a, b, d]);
    await db().promoter.update({ where: { id: d }, data: { active: false } });
    const all = await listSheetCards(accountId);
    expect(all.cards.map((card) => card.promoterId)).toEqual([a, b]);
    expect(all.cards[0]).toMatchObject({ name: "推广者0", sceneKey: "1", url: expect.stringMatching(/^http:\/\/weixin\.qq\.com\/q\//) });
    expect(all).toMatchObject({ capped: false, withoutCode: 1 });
    const selected = await listSheetCards(accountId, [d, c, "missing"]);
    expect(selected.cards.map((card) => card.promoterId)).toEqual([d]);
    expect(selected.withoutCode).toBe(1);
  });
});
