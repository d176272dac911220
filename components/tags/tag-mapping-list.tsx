import type { Dictionary } from "@/lib/i18n/locales";
import type { TagMappingRow } from "@/lib/tags/list-tag-mappings";
import { TagMappingActions } from "./tag-mapping-actions";

/** The account's tag mappings: the tag, what it is mapped to, and its queue by status. */
export function TagMappingList({ mappings, t, admin }: { mappings: TagMappingRow[]; t: Dictionary; admin: boolean }) {
  const g = t.tags;
  if (!mappings.length) return <p className="p-6 text-center text-sm text-slate-600" data-testid="tags-empty">{g.empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">{g.columns.tag}</th>
            <th className="px-4 py-2 font-medium">{g.columns.target}</th>
            <th className="px-4 py-2 text-right font-medium">{g.columns.pending}</th>
            <th className="px-4 py-2 text-right font-medium">{g.columns.done}</th>
            <th className="px-4 py-2 text-right font-medium">{g.columns.failed}</th>
            {admin ? <th className="px-4 py-2 font-medium">{g.columns.actions}</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {mappings.map((m) => (
            <tr key={m.id} data-testid="tag-mapping" data-tag={m.name}>
              <td className="px-4 py-3"><span className="font-medium">{m.name}</span> <span className="text-xs text-slate-400">#{m.wechatTagId}</span></td>
              <td className="px-4 py-3">{g.targetTypes[m.targetType]} · {m.targetName ?? g.targetGone}</td>
              <td className="px-4 py-3 text-right tabular-nums" data-testid="tag-pending">{m.counts.pending}</td>
              <td className="px-4 py-3 text-right tabular-nums text-emerald-700" data-testid="tag-done">{m.counts.done}</td>
              <td className="px-4 py-3 text-right tabular-nums text-red-700" data-testid="tag-failed">{m.counts.failed}</td>
              {admin ? <td className="px-4 py-3"><TagMappingActions id={m.id} name={m.name} failed={m.counts.failed} /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
