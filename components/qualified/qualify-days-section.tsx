import type { Dictionary } from "@/lib/i18n/locales";
import { getQualifySettings } from "@/lib/qualified/get-qualify-settings";
import { QualifyDaysForm } from "./qualify-days-form";

/** Account settings: 有效关注's N, with the rebuild's progress after a change. */
export async function QualifyDaysSection({ accountId, t, canEdit }: { accountId: string; t: Dictionary; canEdit: boolean }) {
  const { qualifyDays, rebuilding } = await getQualifySettings(accountId);
  const s = t.qualified.settings;
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="qualify-title" data-testid="qualify-settings">
      <div>
        <h2 id="qualify-title" className="font-medium">{s.title}</h2>
        <p className="mt-1 text-sm text-slate-600">{s.intro}</p>
      </div>
      <QualifyDaysForm key={accountId} accountId={accountId} qualifyDays={qualifyDays} readOnly={!canEdit} />
      {rebuilding ? <p role="status" className="text-sm text-amber-700" data-testid="qualify-rebuilding">{s.rebuilding}</p> : null}
    </section>
  );
}
