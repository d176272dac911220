import { z } from "zod";
import { getCrosscheck, type CrosscheckRow } from "../../lib/crosscheck/get-crosscheck";
import { runCrosscheck } from "../../lib/crosscheck/run-crosscheck";
import { db } from "../../lib/db";
import { format } from "../../lib/i18n/locales";
import { crosscheckMessages } from "../../lib/i18n/messages/crosscheck";
import { addDays, isDay } from "../../lib/stats/day";

export const STATS_CROSSCHECK_OPTIONS = { account: { type: "string" }, from: { type: "string" }, to: { type: "string" } } as const;
export const STATS_CROSSCHECK_USAGE =
  "stats:crosscheck --account wx… --from YYYY-MM-DD --to YYYY-MM-DD   fetch WeChat's daily statistics (datacube) and compare each day with ours";
export const MAX_CROSSCHECK_DAYS = 366;

const day = z.string().refine(isDay, "must be a date YYYY-MM-DD");
const optionsSchema = z
  .object({ account: z.string().regex(/^wx[0-9a-zA-Z]{16}$/, "must be an AppID (wx followed by 16 letters or digits)"), from: day, to: day })
  // zod runs these even when a date failed above: date arithmetic only on valid days.
  .refine((o) => !isDay(o.from) || !isDay(o.to) || o.from <= o.to, { message: "must not be after --to", path: ["from"] })
  .refine((o) => !isDay(o.from) || !isDay(o.to) || addDays(o.from, MAX_CROSSCHECK_DAYS - 1) >= o.to, { message: `the range may span at most ${MAX_CROSSCHECK_DAYS} days`, path: ["from"] });

const m = crosscheckMessages.en;
const n = (value: number | undefined) => (value === undefined ? "–" : String(value));
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

function line(row: CrosscheckRow): string {
  const w = row.wechat;
  const figures = `WeChat qr ${n(w?.qrNew)} new ${n(w?.allNew)} unf ${n(w?.cancel)} total ${n(w?.cumulate)} · ours qr ${row.ours.qrNew} new ${row.ours.allNew} unf ${row.ours.unfollows}`;
  const diff = row.diff && row.status === "off" ? ` · diff qr ${signed(row.diff.qrNew)} new ${signed(row.diff.allNew)} unf ${signed(row.diff.cancel)}` : "";
  const reasons = row.reasons.map((r) => format(m.reasons[r.code], "count" in r ? { count: r.count } : {}, "en"));
  return [`${row.day}  ${m.status[row.status].padEnd(17)} ${figures}${diff}`, ...reasons.map((r) => `            ${r}`)].join("\n");
}

/** stats:crosscheck: the page's "fetch now" for a range, with a progress line per WeChat call and each day's difference. */
export async function statsCrosscheck(values: Record<string, unknown>) {
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${String(i.path[0] ?? "from")}: ${i.message}`).join("; "));
  const { account: appId, from, to } = parsed.data;
  const account = await db().account.findUnique({ where: { appId }, select: { id: true, name: true, timezone: true } });
  if (!account) throw new Error(`--account: no Official Account with AppID ${appId} (add it with account:add)`);
  console.log(`Cross-checking ${account.name} (${appId}) from ${from} to ${to} with WeChat's statistics (Beijing-time days)…`);
  const run = await runCrosscheck(account.id, { from, to }, {
    onProgress: (p) => console.log(`  [${p.piece}/${p.pieces}] ${p.from} … ${p.to}: ${p.days} day${p.days === 1 ? "" : "s"} stored`),
  });
  if (!run.fetched) console.log(`  ${m.ranNothing}`);
  const { rows } = await getCrosscheck(account, { from, to });
  for (const row of [...rows].reverse()) console.log(line(row));
  const off = rows.filter((r) => r.status === "off");
  console.log(`${rows.filter((r) => r.status === "match").length} equal, ${off.length} different${off.length ? ` (${off.map((r) => r.day).join(", ")})` : ""}, ${rows.length - rows.filter((r) => r.wechat).length} without WeChat's figures.`);
  if (!run.ok) throw new Error(`WeChat answered ${run.errcode} (${run.errmsg}): ${run.hint.en}`);
}
