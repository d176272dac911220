import Link from "next/link";
import type { ApplicationRow } from "@/lib/enrol/list-applications";
import type { Dictionary, Locale } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import { ResendLinkButton } from "./resend-link-button";

type Row = ApplicationRow & { appliedAt: string; decided: string };

/** Decided applications, newest first: who decided, whether the link reached the promoter, and what to do if not. */
export function ApplicationHistory({ accountId, rows, canEdit, t, locale }: { accountId: string; rows: Row[]; canEdit: boolean; t: Dictionary; locale: Locale }) {
  const a = t.enrol.applications;
  if (rows.length === 0) return <p className="px-4 py-6 text-sm text-slate-500">{a.noHistory}</p>;
  return (
    <table className="w-full text-sm" data-testid="application-history">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="px-4 py-2">{a.columns.name}</th>
          <th className="px-4 py-2">{a.columns.status}</th>
          <th className="px-4 py-2">{a.columns.appliedAt}</th>
          <th className="px-4 py-2">{a.columns.decided}</th>
          <th className="px-4 py-2">{a.columns.delivery}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="decided-application">
            <td className="px-4 py-2">
              {r.promoterId ? <Link href={`/promoters/${r.promoterId}`} className="underline">{r.name}</Link> : r.name}
              <div className="font-mono text-xs text-slate-500">{r.openid}</div>
            </td>
            <td className="px-4 py-2">{a.status[r.status as keyof typeof a.status] ?? r.status}{r.auto ? ` · ${a.auto}` : ""}</td>
            <td className="px-4 py-2 text-slate-600">{r.appliedAt}</td>
            <td className="px-4 py-2 text-slate-600">{r.decided}<div className="text-xs text-slate-500">{r.decidedBy}</div></td>
            <td className="px-4 py-2" data-testid="delivery">
              {r.status !== "approved" ? null : r.sentAt ? <span className="text-green-700">{a.sent}</span> : (
                <div className="space-y-1">
                  <p className="text-amber-800">{r.sendErrcode !== null && r.sendHint ? format(a.sendFailed, { errcode: r.sendErrcode, hint: locale === "en" ? r.sendHint.en : r.sendHint.zh }) : a.notSent}</p>
                  {canEdit ? <ResendLinkButton accountId={accountId} applicationId={r.id} /> : null}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
