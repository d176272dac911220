import { getDictionary } from "@/lib/i18n/get-dictionary";

export default async function Loading() {
  const { t } = await getDictionary();
  return (
    <div className="mx-auto max-w-6xl animate-pulse space-y-4" role="status" aria-live="polite">
      <span className="sr-only">{t.leaderboard.loading}</span>
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-24 rounded-xl bg-slate-200/70" />
      <div className="h-64 rounded-xl bg-slate-200/70" />
    </div>
  );
}
