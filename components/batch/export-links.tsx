import { getActiveAccount } from "@/lib/accounts/active-account";
import { LEDGER_XLSX_MAX_ROWS } from "@/lib/exports/export-ledger";
import { countLedger } from "@/lib/exports/ledger-pages";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { isDay } from "@/lib/stats/day";
import { LEADERBOARD_METRICS } from "@/lib/stats/get-leaderboard";

const LINK = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50";

/**
 * Download links for the leaderboard and the follower ledger of a range. The ledger's Excel link is
 * replaced by a note when the range holds more rows than an .xlsx export allows.
 */
export async function ExportLinks({ from, to, sort, team }: { from: string; to: string; sort?: string; team?: string }) {
  const [{ t, locale }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  if (!account || !isDay(from) || !isDay(to) || from > to) return null;
  const e = t.batch.exports;
  const ledgerRows = await countLedger(account.id, { from, to });
  const sortParam: Record<string, string> = sort && (LEADERBOARD_METRICS as readonly string[]).includes(sort) ? { sort } : {};
  const href = (what: "leaderboard" | "ledger", fileFormat: "csv" | "xlsx") =>
    `/api/exports/${what}?${new URLSearchParams({ from, to, ...(what === "leaderboard" ? { ...sortParam, ...(team ? { team } : {}) } : {}), format: fileFormat })}`;
  const group = (what: "leaderboard" | "ledger", label: string, xlsxAllowed: boolean) => (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-600">{label}</span>
      <a href={href(what, "csv")} className={LINK} aria-label={format(e.csvOf, { what: label })} data-testid={`export-${what}-csv`}>{e.csv}</a>
      {xlsxAllowed ? (
        <a href={href(what, "xlsx")} className={LINK} aria-label={format(e.xlsxOf, { what: label })} data-testid={`export-${what}-xlsx`}>{e.xlsx}</a>
      ) : (
        <span className="text-xs text-amber-700" data-testid={`export-${what}-xlsx-unavailable`}>{format(e.xlsxTooMany, { count: ledgerRows.toLocaleString(locale) })}</span>
      )}
    </div>
  );
  return (
    <section aria-label={e.title} className="flex flex-wrap items-center gap-x-6 gap-y-2" data-testid="export-links">
      {group("leaderboard", e.leaderboard, true)}
      {group("ledger", e.ledger, ledgerRows <= LEDGER_XLSX_MAX_ROWS)}
    </section>
  );
}
