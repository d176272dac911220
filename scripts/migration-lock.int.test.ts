import { describe, expect, it } from "vitest";
import { withMigrationLock } from "./migration-lock";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// On PostgreSQL (DATABASE_URL=postgresql://… npm run test:integration) the lock is real; on SQLite
// there is one box and one file, and the work simply runs.
describe("migrations of instances started together", () => {
  it("run one after the other: the second waits for the first instead of failing", async () => {
    const url = process.env.DATABASE_URL!;
    const spans: { who: string; from: number; to: number }[] = [];
    const migrate = (who: string) => () =>
      (async () => {
        const from = Date.now();
        await sleep(600);
        spans.push({ who, from, to: Date.now() });
        return who;
      })();
    const results = await Promise.all([withMigrationLock(url, migrate("first")), sleep(100).then(() => withMigrationLock(url, migrate("second")))]);
    expect(results).toEqual(["first", "second"]);
    const [a, b] = spans.sort((x, y) => x.from - y.from);
    if (/^postgres/.test(url)) expect(b.from).toBeGreaterThanOrEqual(a.to);
    else expect(b.from).toBeLessThan(a.to);
  });

  it("is released when the work fails", async () => {
    const url = process.env.DATABASE_URL!;
    await expect(withMigrationLock(url, async () => { throw new Error("migration failed"); })).rejects.toThrow("migration failed");
    expect(await withMigrationLock(url, async () => "next")).toBe("next");
  });
});
