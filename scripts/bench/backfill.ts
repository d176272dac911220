// npx tsx scripts/bench/backfill.ts [--followers 1000000] [--pg]  — the import of existing followers
// (lib/backfill) against the built-in simulator: an account with 1,000 promoters and N followers
// (60% by a promoter's code), imported end to end on a throwaway database. Prints the wall time,
// the rate, and the process's peak RSS and heap. Run under `node --expose-gc --import tsx` to also see
// the heap retained after a full GC at each 100,000 (what the job keeps, not garbage awaiting collection).
// Not part of `npm test` or `npm run bench`.
import { parseArgs } from "node:util";
import { createBenchDatabase, redact } from "./database";

const { values } = parseArgs({ options: { followers: { type: "string", default: "1000000" }, pg: { type: "boolean", default: false } } });
const FOLLOWERS = Number(values.followers);
const PROMOTERS = 1_000;
if (!Number.isInteger(FOLLOWERS) || FOLLOWERS < 1) throw new Error("--followers: a positive integer");

async function main() {
  const database = await createBenchDatabase(values.pg ? (process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres") : undefined);
  const { startSimulator } = await import("../../lib/wechat/simulator/start-simulator");
  const simulator = await startSimulator();
  Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: database.dataDir, WECHAT_API_BASE: simulator.url, AUTH_SECRET: "bench-secret-0123456789abcdef-0123456789", NODE_ENV: "production" });
  let peakRss = 0;
  let peakHeap = 0;
  let retained = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 200);
  try {
    const { db } = await import("../../lib/db");
    const { sealSecret } = await import("../../lib/crypto/secret-box");
    const { authSecret } = await import("../../lib/auth/auth-secret");
    const { sealAccountSecrets } = await import("../../lib/accounts/account-secrets");
    const { seedPromoters } = await import("./seed");
    const { seedFollowers } = await import("../../lib/wechat/simulator/seed-followers");
    const { claimRun } = await import("../../lib/backfill/backfill-run");
    const { runBackfill } = await import("../../lib/backfill/run-backfill");
    const { getBackfillStatus } = await import("../../lib/backfill/get-backfill-status");
    const { closePipelineDb } = await import("../../lib/ingest/pipeline-db/get-pipeline-db");
    const appId = "wxbenchbackfill000";
    const account = await db().account.create({ data: { name: "bench backfill", appId, appSecretEnc: sealSecret("abcdefabcdefabcdefabcdefabcdef12", authSecret()), ...sealAccountSecrets({ token: "bench" }) } });
    const scenes = (await seedPromoters(account.id, PROMOTERS)).map((p) => p.scene);
    const seededAt = performance.now();
    seedFollowers(simulator.state.followersOf(appId), { appId, count: FOLLOWERS, scenes, qrPercent: 60, unknownPercent: 5 });
    console.log(`${database.provider} (${redact(database.url)}): seeded ${FOLLOWERS.toLocaleString("en-US")} simulated followers in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`);
    const started = performance.now();
    let shown = 0;
    const outcome = await runBackfill(await claimRun(account.id, null), ({ listed, total }) => {
      if (listed - shown >= 100_000 || listed === total) {
        shown = listed;
        if (gc) {
          gc();
          retained = Math.max(retained, process.memoryUsage().heapUsed);
        }
        console.log(`  ${listed.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} after ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const status = await getBackfillStatus(account.id);
    if (outcome.status !== "done" || status?.imported !== FOLLOWERS) throw new Error(`the import ended ${outcome.status} with ${status?.imported} imported`);
    const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
    console.log(
      `imported ${FOLLOWERS.toLocaleString("en-US")} followers (${status.credited.toLocaleString("en-US")} credited) in ${seconds.toFixed(1)} s = ${Math.round(FOLLOWERS / seconds).toLocaleString("en-US")}/s; ` +
        `peak RSS ${mib(peakRss)}, peak heap ${mib(peakHeap)}${gc ? `, retained after GC ${mib(retained)}` : ""} (simulator included); ${simulator.state.callCount("/cgi-bin/user/get")} user/get and ${simulator.state.callCount("/cgi-bin/user/info/batchget")} batchget calls`,
    );
    await closePipelineDb();
    await db().$disconnect();
  } finally {
    clearInterval(sample);
    await simulator.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
