import Link from "next/link";
import type { Dictionary } from "@/lib/i18n/locales";
import type { LeaderboardRow } from "@/lib/stats/get-leaderboard";

/** Today's five promoters with the most new followers (ranked and paged in the database). */
export function TopPromoters({ rows, t, locale, href }: { rows: LeaderboardRow[]; t: Dictionary; locale: string; href: string }) {
  const shown = rows.filter((r) => r.newFollowers > 0);
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5" data-testid="top-promoters">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="font-medium">{t.cockpit.topTitle}</h2>
        <Link href={href} className="text-sm text-brand-700 hover:underline">{t.cockpit.viewLeaderboard}</Link>
      </div>
      {shown.length ? (
        <ol className="mt-3 space-y-2 text-sm">
          {shown.map((r) => (
            <li key={r.promoterId} className="flex items-center justify-between gap-3">
              <span className="min-w-0 truncate">
                <span className="mr-2 tabular-nums text-slate-400">{r.rank}</span>
                <Link href={`/promoters/${r.promoterId}`} className="hover:underline">{r.name}</Link>
              </span>
              <span className="tabular-nums text-slate-700">
                {t.leaderboard.columns.newFollowers} {r.newFollowers.toLocaleString(locale)} · {t.leaderboard.columns.net} {r.net.toLocaleString(locale)}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-3 text-sm text-slate-500">{t.cockpit.topEmpty}</p>
      )}
    </section>
  );
}
