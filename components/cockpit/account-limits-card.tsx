import { formatLocalTime } from "@/lib/exports/local-time";
import type { HealthReport } from "@/lib/health/get-health-report";
import type { Dictionary, Locale } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import { RefreshQuotaButton } from "./refresh-quota-button";

type Props = { accountId: string; health: HealthReport; t: Dictionary["cockpit"]; locale: Locale };

/** What limits the account's calls to WeChat: the access token, today's qrcode/create quota, the permanent-code budget. */
export function AccountLimitsCard({ accountId, health, t, locale }: Props) {
  const { token, quota, codes, account } = health;
  const when = (d: Date) => formatLocalTime(d, account.timezone);
  const hint = (h: { zh: string; en: string }) => (locale === "zh-CN" ? h.zh : h.en);
  const n = (v: number) => v.toLocaleString(locale);
  const expires =
    token.expiresInS === null ? t.tokenNone : token.expiresInS <= 0 ? t.tokenExpired : format(t.tokenMinutes, { minutes: n(Math.floor(token.expiresInS / 60)) }, locale);
  return (
    <section className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 lg:grid-cols-3" data-testid="account-limits">
      <div data-testid="token-state">
        <h2 className="font-medium">{t.tokenTitle}</h2>
        <p className="mt-2 text-sm">{t.tokenExpiresIn}: <span className="tabular-nums">{expires}</span></p>
        {token.lastRefreshAt ? <p className="text-sm text-slate-600">{t.tokenLastRefresh}: {when(token.lastRefreshAt)}</p> : null}
        {token.lastError ? (
          <div className={`mt-2 text-sm ${token.lastError.resolved ? "text-slate-500" : "text-red-700"}`} role={token.lastError.resolved ? undefined : "alert"}>
            <p>{format(t.tokenLastError, { errcode: token.lastError.errcode, time: when(token.lastError.at) })}</p>
            <p>{token.lastError.resolved ? t.tokenResolved : hint(token.lastError.hint)}</p>
          </div>
        ) : null}
      </div>
      <div data-testid="quota-state">
        <div className="flex items-center justify-between gap-2">
          <h2 className="font-medium">{t.quotaTitle}</h2>
          <RefreshQuotaButton accountId={accountId} />
        </div>
        <p className="mt-2 text-sm tabular-nums" data-testid="quota-value">
          {quota.figures ? format(t.quotaValue, { used: n(quota.figures.used), limit: n(quota.figures.dailyLimit), remain: n(quota.figures.remain) }) : t.quotaNever}
        </p>
        {quota.fetchedAt ? <p className="text-xs text-slate-500">{format(t.quotaFetchedAt, { time: when(quota.fetchedAt) })}</p> : null}
        {quota.error ? (
          <div className="mt-2 text-sm text-red-700" role="alert" data-testid="quota-error">
            <p>{format(t.quotaError, { errcode: quota.error.errcode })}</p>
            <p>{hint(quota.error.hint)}</p>
          </div>
        ) : null}
      </div>
      <div data-testid="code-budget">
        <h2 className="font-medium">{t.codesTitle}</h2>
        <p className="mt-2 text-sm tabular-nums">{format(t.codesValue, { used: n(codes.permanentCreated), limit: n(codes.permanentLimit) })}</p>
        <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100">
          <div className="h-full bg-brand-600" style={{ width: `${Math.min(100, (codes.permanentCreated / codes.permanentLimit) * 100)}%` }} />
        </div>
      </div>
    </section>
  );
}
