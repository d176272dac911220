import { BackfillReport } from "@/components/backfill/backfill-report";
import { PollWhileRunning } from "@/components/backfill/poll-while-running";
import { StartBackfillButton } from "@/components/backfill/start-backfill-button";
import { NoAccount } from "@/components/no-account";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getBackfillStatus } from "@/lib/backfill/get-backfill-status";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

// 导入已有粉丝: start or resume the active account's import, watch its progress, read its reconciliation.
export default async function BackfillPage() {
  const user = await requireUser("read");
  const [{ t, locale }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const b = t.backfill;
  const run = await getBackfillStatus(account.id);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: account.timezone });
  const running = run?.status === "running";
  const n = new Intl.NumberFormat(locale);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PollWhileRunning running={running} />
      <div>
        <h1 className="text-2xl font-semibold">{b.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{b.intro}</p>
        <p className="mt-1 text-sm text-slate-600">{b.rules}</p>
      </div>
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="backfill-run" data-status={run?.status ?? "none"}>
        {run ? (
          <>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium" data-testid="backfill-status">{b.status[run.status]}</p>
              <p className="text-xs text-slate-500">
                {format(b.started, { time: when.format(new Date(run.startedAt)) })}
                {run.finishedAt ? ` · ${format(b.finished, { time: when.format(new Date(run.finishedAt)) })}` : ""}
              </p>
            </div>
            <div className="h-3 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={run.percent} aria-label={b.title}>
              <div className="h-full bg-brand-600 transition-all" style={{ width: `${run.percent}%` }} />
            </div>
            <p className="text-sm tabular-nums" data-testid="backfill-progress">{format(b.progress, { listed: n.format(run.listed), total: n.format(run.total), percent: run.percent })}</p>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {(["listed", "imported", "credited", "corrected"] as const).map((k) => (
                <div key={k} className="rounded-lg bg-slate-50 p-3">
                  <dt className="text-xs text-slate-500">{b.counts[k]}</dt>
                  <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`backfill-${k}`}>{n.format(run[k])}</dd>
                </div>
              ))}
            </dl>
            {run.status === "paused" && run.pausedUntil ? <p className="text-sm text-amber-800" data-testid="backfill-paused">{format(b.pausedUntil, { time: when.format(new Date(run.pausedUntil)) })}</p> : null}
            {run.errcode !== null && run.hint ? (
              <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="backfill-error">
                {format(b.errcode, { errcode: run.errcode, hint: locale === "zh-CN" ? run.hint.zh : run.hint.en })}
              </p>
            ) : run.errmsg ? (
              <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="backfill-error">{run.errmsg}</p>
            ) : null}
          </>
        ) : (
          <p className="text-sm text-slate-600" data-testid="backfill-never">{b.never}</p>
        )}
        {running ? null : can(user.role, "write") ? (
          <StartBackfillButton label={run && run.status !== "done" ? b.resume : b.start} pendingLabel={b.starting} busyMessage={b.busy} />
        ) : (
          <p className="text-xs text-slate-500">{b.noPermission}</p>
        )}
      </section>
      {run?.report ? <BackfillReport report={run.report} t={t} locale={locale} /> : null}
      <p className="text-xs text-slate-500">{b.leaderboardNote}</p>
    </div>
  );
}
