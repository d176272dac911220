import { NoAccount } from "@/components/no-account";
import { CrosscheckRunButton } from "@/components/crosscheck/crosscheck-run-button";
import { CrosscheckTable } from "@/components/crosscheck/crosscheck-table";
import { DayScenes } from "@/components/crosscheck/day-scenes";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { parseCrosscheckRange } from "@/lib/crosscheck/crosscheck-range";
import { dayBoundaryDiffers } from "@/lib/crosscheck/explain-difference";
import { getCrosscheck } from "@/lib/crosscheck/get-crosscheck";
import { listDayScenes } from "@/lib/crosscheck/list-day-scenes";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { isDay } from "@/lib/stats/day";

type Search = { from?: string; to?: string; day?: string };

// 数据核对: WeChat's official daily statistics beside what Scenecode received, per Beijing-time day.
export default async function CrosscheckPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("read");
  const [{ t, locale }, { account }, params] = await Promise.all([getDictionary(), getActiveAccount(), searchParams]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const c = t.crosscheck;
  const range = parseCrosscheckRange(params.from, params.to);
  const day = params.day && isDay(params.day) ? params.day : null;
  const [data, scenes] = await Promise.all([getCrosscheck(account, range), day ? listDayScenes(account, day) : null]);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: account.timezone });
  const scenesHref = (d: string) => `/crosscheck?${new URLSearchParams({ from: range.from, to: range.to, day: d })}#day-scenes`;
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{c.title}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{c.intro}</p>
      </div>
      <section className="flex flex-wrap items-end justify-between gap-4 rounded-xl border border-slate-200 bg-white p-4">
        <form method="get" className="flex flex-wrap items-end gap-3" data-testid="crosscheck-range">
          <label className="text-sm">
            <span className="block text-xs text-slate-500">{c.from}</span>
            <input type="date" name="from" defaultValue={range.from} required className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <label className="text-sm">
            <span className="block text-xs text-slate-500">{c.to}</span>
            <input type="date" name="to" defaultValue={range.to} required className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <button className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">{c.show}</button>
        </form>
        {can(user.role, "write") ? <CrosscheckRunButton from={range.from} to={range.to} /> : null}
      </section>
      {!range.valid ? <p role="alert" className="text-sm text-amber-700">{c.rangeInvalid}</p> : null}
      <div className="space-y-1 text-sm text-slate-600" data-testid="crosscheck-fetch-state">
        <p>{format(c.range, { from: range.from, to: range.to })}</p>
        <p>{data.succeededAt ? format(c.lastFetched, { at: dateTime.format(data.succeededAt) }) : c.neverFetched}</p>
        {data.error && data.attemptedAt ? (
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-800" data-testid="crosscheck-error">
            <p className="font-medium">{format(c.errorTitle, { errcode: data.error.errcode })} · {format(c.lastAttempt, { at: dateTime.format(data.attemptedAt) })}</p>
            <p className="mt-1">{locale === "en" ? data.error.hint.en : data.error.hint.zh}</p>
            {data.error.errmsg ? <p className="mt-1 font-mono text-xs text-red-700/80">{data.error.errmsg}</p> : null}
          </div>
        ) : null}
        {dayBoundaryDiffers(range.to, account.timezone) ? <p className="text-amber-700">{format(c.timeZoneNote, { timeZone: account.timezone })}</p> : null}
      </div>
      <CrosscheckTable rows={data.rows} t={t} locale={locale} scenesHref={scenesHref} />
      {day && scenes ? <DayScenes day={day} scenes={scenes} t={t} /> : null}
    </div>
  );
}
