import type { HealthReport } from "@/lib/health/get-health-report";
import type { Dictionary, Locale } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";

/** The account's problems in plain words, each with its fix; a calm line when there are none. */
export function HealthWarnings({ health, t, locale }: { health: HealthReport; t: Dictionary["cockpit"]; locale: Locale }) {
  if (!health.warnings.length) return <p className="text-sm text-emerald-700" data-testid="health-warnings">{t.allGood}</p>;
  const error = health.token.lastError;
  const text = (warning: HealthReport["warnings"][number]) =>
    warning === "token_error" && error
      ? format(t.warnings.token_error, { errcode: error.errcode, hint: locale === "zh-CN" ? error.hint.zh : error.hint.en })
      : t.warnings[warning];
  return (
    <section className="rounded-xl border border-amber-300 bg-amber-50 p-4" data-testid="health-warnings" aria-label={t.warningsTitle}>
      <h2 className="text-sm font-medium text-amber-900">{t.warningsTitle}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900">
        {health.warnings.map((w) => <li key={w} data-warning={w}>{text(w)}</li>)}
      </ul>
    </section>
  );
}
