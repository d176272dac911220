import { formatLocalTime } from "@/lib/exports/local-time";
import { format, type Dictionary, type Locale } from "@/lib/i18n/locales";
import { getSignalEvidence } from "@/lib/signals/get-signal-evidence";
import { signalWindow } from "@/lib/signals/refresh-signals";

const SHOWN = 20;

type Props = { accountId: string; promoterId: string; timeZone: string; t: Dictionary; locale: Locale };

/** 异常信号 on a promoter's page: each signal with its numbers, its threshold and the rows behind it (live, last 30 days). */
export async function SignalsCard({ accountId, promoterId, timeZone, t, locale }: Props) {
  const range = signalWindow(timeZone);
  const e = await getSignalEvidence(accountId, promoterId, range, timeZone, { shown: SHOWN });
  const c = t.signals.card;
  const s = e.thresholds;
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const share = (count: number, sample: number) => percent.format(sample ? count / sample : 0);
  const time = (ms: number) => formatLocalTime(new Date(ms), timeZone);
  const openid = (id: string) => e.openids.get(id) ?? id;
  const scene = (id: string | null) => (id ? (e.scenes.get(id) ?? "—") : "—");
  const state = (flagged: boolean) => (
    <span data-flagged={flagged} className={`rounded px-1.5 py-0.5 text-xs ${flagged ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-600"}`}>{flagged ? c.flagged : c.notFlagged}</span>
  );
  const more = (count: number) => (count > SHOWN ? <p className="mt-1 text-xs text-slate-500">{format(c.more, { shown: SHOWN, count })}</p> : null);
  const th = "px-2 py-1 font-medium";
  const td = "px-2 py-1 tabular-nums";
  return (
    <section id="signals" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="signals-title" data-testid="signals-card" data-flagged={e.flagged}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="signals-title" className="font-medium">{c.title}</h2>
        <a href={`/api/exports/signals?promoter=${encodeURIComponent(promoterId)}`} className="text-sm text-brand-700 hover:underline" data-testid="signals-export">{c.export}</a>
      </div>
      <p className="text-xs text-slate-500">{format(c.range, { from: range.from, to: range.to })} · {t.signals.neverChanges}</p>
      {!e.flagged ? <p className="text-sm text-slate-600" data-testid="signals-ok">{c.ok}</p> : null}
      <div data-testid="signal-quick" data-flagged={e.quickFlag}>
        <h3 className="flex items-center gap-2 text-sm font-medium">{c.quickTitle} {state(e.quickFlag)}</h3>
        <p className="mt-1 text-sm text-slate-700">{format(c.quickSummary, { count: e.quickUnfollows.length, sample: e.newFollowers, share: share(e.quickUnfollows.length, e.newFollowers), pct: s.quickUnfollowPct, min: s.minSample })}</p>
        {e.quickUnfollows.length ? (
          <table className="mt-2 w-full text-left text-xs"><thead className="text-slate-500"><tr><th className={th}>{c.openid}</th><th className={th}>{c.followedAt}</th><th className={th}>{c.unfollowedAt}</th><th className={th}>{c.code}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">{e.quickUnfollows.slice(0, SHOWN).map((r) => <tr key={`${r.followerId}-${r.followedAt}`}><td className="px-2 py-1 font-mono">{openid(r.followerId)}</td><td className={td}>{time(r.followedAt)}</td><td className={td}>{time(r.unfollowedAt)}</td><td className={td}>{scene(r.qrCodeId)}</td></tr>)}</tbody></table>
        ) : null}
        {more(e.quickUnfollows.length)}
      </div>
      <div data-testid="signal-burst" data-flagged={e.burstFlag}>
        <h3 className="flex items-center gap-2 text-sm font-medium">{format(c.burstTitle, { limit: s.burstPerMinute })} {state(e.burstFlag)}</h3>
        <p className="mt-1 text-sm text-slate-700">{format(c.burstSummary, { count: e.bursts.length })}</p>
        {e.bursts.length ? (
          <table className="mt-2 w-full text-left text-xs"><thead className="text-slate-500"><tr><th className={th}>{c.minute}</th><th className={th}>{c.code}</th><th className={th}>{c.follows}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">{e.bursts.slice(0, SHOWN).map((b) => <tr key={`${b.qrCodeId}-${b.at}`}><td className={td}>{time(b.at).slice(0, 16)}</td><td className={td}>{scene(b.qrCodeId)}</td><td className={td}>{b.count}</td></tr>)}</tbody></table>
        ) : null}
        {more(e.bursts.length)}
      </div>
      <div data-testid="signal-night" data-flagged={e.nightFlag}>
        <h3 className="flex items-center gap-2 text-sm font-medium">{format(c.nightTitle, { start: s.nightStartHour, end: s.nightEndHour })} {state(e.nightFlag)}</h3>
        <p className="mt-1 text-sm text-slate-700">{format(c.nightSummary, { count: e.nightFollows.length, sample: e.follows, share: share(e.nightFollows.length, e.follows), pct: s.nightPct, min: s.minSample })}</p>
        {e.nightFlag && e.nightFollows.length ? (
          <table className="mt-2 w-full text-left text-xs"><thead className="text-slate-500"><tr><th className={th}>{c.openid}</th><th className={th}>{c.at}</th><th className={th}>{c.code}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">{e.nightFollows.slice(0, SHOWN).map((r) => <tr key={`${r.followerId}-${r.at}`}><td className="px-2 py-1 font-mono">{openid(r.followerId)}</td><td className={td}>{time(r.at)}</td><td className={td}>{scene(r.qrCodeId)}</td></tr>)}</tbody></table>
        ) : null}
        {e.nightFlag ? more(e.nightFollows.length) : null}
      </div>
    </section>
  );
}
