import type { AuditEntry } from "@/lib/audit/list-audit";
import type { Dictionary } from "@/lib/i18n/locales";
import { actionLabel, summarizeDetail } from "./audit-labels";

function target(entry: AuditEntry, types: Record<string, string>) {
  if (!entry.targetType) return "—";
  const type = types[entry.targetType] ?? entry.targetType;
  return `${type} · ${entry.targetName ?? entry.targetId ?? ""}`;
}

/** Audit rows: a table on laptops, stacked cards on phones. */
export function AuditTable({ entries, t, when }: { entries: AuditEntry[]; t: Dictionary; when: Intl.DateTimeFormat }) {
  const a = t.admin.audit;
  const labels = a.actions as Record<string, string>;
  const types = a.targetTypes as Record<string, string>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="hidden bg-slate-50 text-xs text-slate-500 md:table-header-group">
        <tr>
          {[a.columns.time, a.columns.actor, a.columns.action, a.columns.target, a.columns.detail].map((c) => (
            <th key={c} scope="col" className="whitespace-nowrap px-4 py-2 font-medium">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {entries.map((entry) => {
          const detail = summarizeDetail(entry.detail);
          return (
            <tr key={entry.id} data-testid="audit-row" data-action={entry.action} className="grid grid-cols-2 gap-x-3 gap-y-1 p-4 md:table-row md:p-0">
              <td className="order-2 text-right text-xs text-slate-500 md:whitespace-nowrap md:px-4 md:py-2 md:text-left md:text-sm">
                <time dateTime={entry.createdAt.toISOString()}>{when.format(entry.createdAt)}</time>
              </td>
              <td className="order-3 col-span-2 truncate text-slate-600 md:max-w-56 md:px-4 md:py-2" title={entry.actor}>{entry.actor}</td>
              <td className="order-1 font-medium md:whitespace-nowrap md:px-4 md:py-2" data-testid="audit-action" title={entry.action}>{actionLabel(entry.action, labels)}</td>
              <td className="order-4 col-span-2 break-all text-slate-600 md:px-4 md:py-2" data-testid="audit-target">{target(entry, types)}</td>
              <td className="order-5 col-span-2 break-all text-xs text-slate-500 md:px-4 md:py-2" title={detail || undefined}>{detail || "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
