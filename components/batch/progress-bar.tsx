/** A labelled progress bar that screen readers announce as "done of total". */
export function ProgressBar({ value, max, label, valueText, testId }: { value: number; max: number; label: string; valueText: string; testId: string }) {
  const clamped = Math.min(Math.max(value, 0), Math.max(max, 0));
  const percent = max > 0 ? Math.round((clamped / max) * 100) : 0;
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={clamped}
        aria-valuetext={valueText}
        data-testid={testId}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs tabular-nums text-slate-600">{valueText}</p>
    </div>
  );
}
