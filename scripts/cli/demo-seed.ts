import { seedDemo } from "../demo/seed-demo";

export const DEMO_SEED_OPTIONS = {
  promoters: { type: "string" },
  followers: { type: "string" },
  days: { type: "string" },
  appid: { type: "string" },
  reuse: { type: "boolean" },
  seed: { type: "string" },
} as const;

export const DEMO_SEED_USAGE =
  "demo:seed [--promoters 1000] [--followers 100000] [--days 30] [--appid wxdemo000000000000] [--reuse] [--seed N]   write a realistic demo account in bulk (run while the app is idle)";

function count(value: unknown, name: string, fallback: number, max: number) {
  if (value === undefined) return fallback;
  const n = Number(String(value).replaceAll(/[_,]/g, ""));
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max.toLocaleString("en-US")}`);
  return n;
}

export async function demoSeed(values: Record<string, unknown>) {
  const appId = String(values.appid ?? "wxdemo000000000000");
  if (!/^wx[0-9a-zA-Z]{16}$/.test(appId)) throw new Error("--appid must look like wx followed by 16 letters or digits");
  const options = {
    appId,
    reuse: Boolean(values.reuse),
    promoters: count(values.promoters, "promoters", 1000, 100_000),
    followers: count(values.followers, "followers", 100_000, 20_000_000),
    days: count(values.days, "days", 30, 366),
    seed: values.seed === undefined ? undefined : count(values.seed, "seed", 1, 2 ** 31),
    log: (line: string) => console.log(line),
  };
  const s = await seedDemo(options);
  const n = (x: number) => x.toLocaleString("en-US");
  const c = s.counts;
  console.log(
    [
      `Seeded ${s.account.name} (${appId}) for ${s.range.from} … ${s.range.to} (${s.account.timezone}):`,
      `  promoters  ${n(s.promoters.length)} with active QR_LIMIT_SCENE codes, scenes 1…${s.promoters.length}`,
      `  followers  ${n(c.followers)} (${n(c.unfollowed)} unfollowed now, ${n(c.retained)} retained after 7 days)`,
      `  events     ${n(c.events)}: ${Object.entries(c.byEvent).map(([k, v]) => `${k} ${n(v)}`).join(", ")} (all attributed)`,
      `  ledger     ${n(c.ledger)} rows · rollups ${n(s.rollupRows)} rows`,
      `  took ${s.seconds.toFixed(1)} s (${n(Math.round((c.events + c.ledger + c.followers) / s.seconds))} rows/s)`,
    ].join("\n"),
  );
}
