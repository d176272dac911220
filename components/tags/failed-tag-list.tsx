import type { Dictionary, Locale } from "@/lib/i18n/locales";
import type { FailedTagRow } from "@/lib/tags/list-tag-mappings";
import { tagErrorHint } from "@/lib/tags/tag-hints";
import { RetryTagButton } from "./retry-tag-button";

/** Followers whose tagging failed, with WeChat's errcode and what to do about it. */
export function FailedTagList({ rows, t, locale, admin }: { rows: FailedTagRow[]; t: Dictionary; locale: Locale; admin: boolean }) {
  const g = t.tags;
  if (!rows.length) return <p className="p-6 text-center text-sm text-slate-600" data-testid="tag-failed-empty">{g.failedEmpty}</p>;
  const lang = locale === "en" ? "en" : "zh";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">{g.failedColumns.tag}</th>
            <th className="px-4 py-2 font-medium">{g.failedColumns.openid}</th>
            <th className="px-4 py-2 text-right font-medium">{g.failedColumns.attempts}</th>
            <th className="px-4 py-2 font-medium">{g.failedColumns.error}</th>
            {admin ? <th className="px-4 py-2" /> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid="tag-failed-row" data-openid={r.openid}>
              <td className="px-4 py-2">{r.tagName}</td>
              <td className="px-4 py-2"><code className="text-xs">{r.openid}</code></td>
              <td className="px-4 py-2 text-right tabular-nums">{r.attempts}</td>
              <td className="px-4 py-2 text-xs">
                <span className="font-mono text-red-700" data-testid="tag-errcode">{r.errcode ?? "—"}</span>{" "}
                {r.errcode !== null ? tagErrorHint(r.errcode, r.errmsg ?? "")[lang] : r.errmsg}
              </td>
              {admin ? <td className="px-4 py-2"><RetryTagButton mappingId={r.tagMappingId} rowId={r.id} /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
