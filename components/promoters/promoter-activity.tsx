import Link from "next/link";
import type { Dictionary, Locale } from "@/lib/i18n/locales";
import type { listPromoterFollowers, listPromoterTimeline } from "@/lib/stats/list-promoter-activity";

type Followers = Awaited<ReturnType<typeof listPromoterFollowers>>;
type Timeline = Awaited<ReturnType<typeof listPromoterTimeline>>;
type Props = { promoterId: string; followers: Followers; timeline: Timeline; t: Dictionary; locale: Locale; timeZone: string };

/** A promoter's follower list (paged) and their latest ledger rows. */
export function PromoterActivity({ promoterId, followers, timeline, t, locale, timeZone }: Props) {
  const f = t.promoters.followers;
  const tl = t.promoters.timeline;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone });
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="followers-title">
        <h2 id="followers-title" className="font-medium">{f.title}</h2>
        {followers.rows.length === 0 ? <p className="mt-3 text-sm text-slate-500">{f.empty}</p> : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="promoter-followers">
              <thead className="text-xs text-slate-500">
                <tr>{[f.openid, f.followedAt, f.status, f.source].map((c) => <th key={c} scope="col" className="py-1 pr-3 font-medium">{c}</th>)}</tr>
              </thead>
              <tbody>
                {followers.rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100">
                    <td className="max-w-[10rem] truncate py-1.5 pr-3 font-mono text-xs" title={r.openid}>{r.openid}</td>
                    <td className="whitespace-nowrap py-1.5 pr-3 text-slate-600">{r.firstFollowedAt ? when.format(r.firstFollowedAt) : "—"}</td>
                    <td className="py-1.5 pr-3">{r.status === "following" ? f.following : <span className="text-slate-400">{f.unfollowed}</span>}</td>
                    <td className="py-1.5 pr-3 text-slate-600">{(f.sources as Record<string, string>)[r.source] ?? r.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {followers.next ? <Link href={`/promoters/${promoterId}?after=${followers.next}`} className="mt-2 inline-block text-sm text-brand-700 hover:underline">{f.more} →</Link> : null}
          </div>
        )}
      </section>
      <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="font-medium">{tl.title}</h2>
        {timeline.length === 0 ? <p className="mt-3 text-sm text-slate-500">{tl.empty}</p> : (
          <ol className="mt-3 space-y-2 text-sm" data-testid="promoter-timeline">
            {timeline.map((row) => (
              <li key={row.id} className="flex flex-wrap items-baseline gap-x-2">
                <span className="whitespace-nowrap text-xs text-slate-500">{when.format(row.occurredAt)}</span>
                <span className="font-medium">{(tl.kinds as Record<string, string>)[row.kind] ?? row.kind}</span>
                <span className="truncate font-mono text-xs text-slate-500">{row.follower.openid}</span>
                {row.reassignedAt ? <span className="rounded bg-amber-50 px-1.5 text-xs text-amber-700">{t.promoters.unmapped.reassigned}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
