import { getDictionary } from "@/lib/i18n/get-dictionary";

// Unknown, replaced or disabled links, and inactive promoters, all look the same: nothing to probe.
export default async function SelfServiceNotFound() {
  const { t } = await getDictionary();
  const p = t.admin.promoterPage;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 bg-slate-50 p-8 text-center" data-testid="sp-not-found">
      <div aria-hidden className="flex h-14 w-14 items-center justify-center rounded-full bg-slate-200 text-2xl text-slate-500">?</div>
      <h1 className="text-xl font-semibold">{p.notFoundTitle}</h1>
      <p className="max-w-xs text-sm text-slate-600">{p.notFoundBody}</p>
    </main>
  );
}
