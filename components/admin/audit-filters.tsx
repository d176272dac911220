import Link from "next/link";
import type { Dictionary } from "@/lib/i18n/locales";

const selectClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500";

/** A plain GET form, so filters live in the URL and work without JavaScript. */
export function AuditFilters({ t, actors, action, actor }: { t: Dictionary; actors: string[]; action: string; actor: string }) {
  const a = t.admin.audit;
  const categories = Object.entries(a.categories);
  return (
    <form role="search" aria-label={a.filters.apply} className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-4">
      <div className="w-full space-y-1 sm:w-48">
        <label htmlFor="audit-action" className="block text-sm font-medium text-slate-700">{a.filters.action}</label>
        <select id="audit-action" name="action" defaultValue={action} className={selectClass}>
          <option value="">{a.filters.all}</option>
          {categories.map(([key, label]) => <option key={key} value={`${key}.`}>{label}</option>)}
          {action && !categories.some(([key]) => `${key}.` === action) ? <option value={action}>{action}</option> : null}
        </select>
      </div>
      <div className="w-full space-y-1 sm:w-64">
        <label htmlFor="audit-actor" className="block text-sm font-medium text-slate-700">{a.filters.actor}</label>
        <select id="audit-actor" name="actor" defaultValue={actor} className={selectClass}>
          <option value="">{a.filters.all}</option>
          {actors.map((name) => <option key={name} value={name}>{name}</option>)}
          {actor && !actors.includes(actor) ? <option value={actor}>{actor}</option> : null}
        </select>
      </div>
      <button className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">{a.filters.apply}</button>
      {action || actor ? <Link href="/audit" className="py-2 text-sm text-slate-600 underline">{a.filters.reset}</Link> : null}
    </form>
  );
}
