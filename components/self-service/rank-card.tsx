import { format } from "@/lib/i18n/locales";

/** The promoter's place among the account's active promoters: only the two numbers, never the others. */
export function RankCard({ rank, total, labels }: { rank: number; total: number; labels: { title: string; rank: string; note: string } }) {
  return (
    <section className="rounded-2xl bg-brand-600 p-4 text-white shadow-sm" aria-label={labels.title}>
      <h2 className="text-sm font-medium text-white/80">{labels.title}</h2>
      <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="sp-rank">{format(labels.rank, { rank, total })}</p>
      <p className="mt-2 text-xs text-white/80">{labels.note}</p>
    </section>
  );
}
