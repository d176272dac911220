import { ProgressBar } from "@/components/batch/progress-bar";
import { format, type Dictionary } from "@/lib/i18n/locales";

/** New followers against the campaign's target, or the count alone when it has none. */
export function CampaignProgress({ value, target, t, locale, testId = "campaign-progress" }: { value: number; target: number | null; t: Dictionary; locale: string; testId?: string }) {
  const l = t.campaigns;
  if (!target) return <p className="text-sm text-slate-600" data-testid={testId}>{value.toLocaleString(locale)} · {l.noTarget}</p>;
  const percent = Math.floor((value / target) * 100);
  const valueText = format(l.progress, { value: value.toLocaleString(locale), target: target.toLocaleString(locale), percent }, locale);
  return <ProgressBar value={value} max={target} label={l.progressLabel} valueText={valueText} testId={testId} />;
}
