"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { decideApplicationsAction, type DecisionOutcome } from "@/app/(dashboard)/applications/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";

type Row = { id: string; name: string; openid: string; status: string; appliedAt: string };
type Message = { kind: "ok" | "error"; text: string; href?: string };

/** Pending applications: edit the name, approve or reject one, or select several and decide them at once. */
export function PendingApplications({ accountId, rows, canEdit }: { accountId: string; rows: Row[]; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const a = t.enrol.applications;
  const router = useRouter();
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries(rows.map((r) => [r.id, r.name])));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [messages, setMessages] = useState<Message[]>([]);
  const [pending, startTransition] = useTransition();
  const hint = (h: { zh: string; en: string }) => (locale === "en" ? h.en : h.zh);

  function describe(outcomes: DecisionOutcome[], decision: "approve" | "reject"): Message[] {
    const out: Message[] = [];
    const done = outcomes.filter((o) => o.ok);
    const failed = outcomes.length - done.length;
    if (outcomes.length === 1 && done.length === 1 && decision === "approve") out.push({ kind: "ok", text: format(a.approvedOne, { name: names[outcomes[0].id] ?? "" }), href: done[0].ok && done[0].promoterId ? `/promoters/${done[0].promoterId}` : undefined });
    else out.push({ kind: failed ? "error" : "ok", text: format(a.result, { approved: decision === "approve" ? done.length : 0, rejected: decision === "reject" ? done.length : 0, failed }) });
    for (const o of outcomes) {
      if (!o.ok) out.push({ kind: "error", text: o.error === "notPending" ? a.notPending : a.nameInvalid });
      else {
        if (o.qr) out.push({ kind: "error", text: format(a.qrFailed, { errcode: o.qr.errcode, hint: hint(o.qr.hint) }) });
        if (o.delivery) out.push({ kind: "error", text: format(a.sendFailed, { errcode: o.delivery.errcode, hint: hint(o.delivery.hint) }) });
      }
    }
    return out;
  }

  function decide(decision: "approve" | "reject", ids: string[]) {
    if (!ids.length) return;
    startTransition(async () => {
      const outcomes = await decideApplicationsAction(accountId, { decision, items: ids.map((id) => ({ id, name: names[id] })) });
      setMessages(describe(outcomes, decision));
      setSelected(new Set());
      router.refresh();
    });
  }

  const toggle = (id: string) => setSelected((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; });
  return (
    <div data-testid="pending-applications">
      {messages.length ? (
        <ul role="status" className="space-y-1 border-b border-slate-100 px-4 py-3 text-sm" data-testid="decision-result">
          {messages.map((m, i) => (
            <li key={i} className={m.kind === "ok" ? "text-green-700" : "text-amber-800"}>
              {m.text} {m.href ? <Link href={m.href} className="underline">{a.viewPromoter}</Link> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length === 0 ? <p className="px-4 py-6 text-sm text-slate-500">{a.noPending}</p> : (
        <>
          {canEdit ? (
            <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-4 py-2">
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" className="h-4 w-4" checked={selected.size === rows.length} onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())} />
                {a.selectAll}
              </label>
              <Button type="button" variant="secondary" disabled={pending || !selected.size} onClick={() => decide("approve", [...selected])}>{a.approveSelected}</Button>
              <Button type="button" variant="secondary" disabled={pending || !selected.size} onClick={() => decide("reject", [...selected])}>{a.rejectSelected}</Button>
              {pending ? <span className="text-sm text-slate-500">{a.working}</span> : null}
            </div>
          ) : null}
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                {canEdit ? <th className="w-8 px-4 py-2" /> : null}
                <th className="px-4 py-2">{a.columns.name}</th>
                <th className="px-4 py-2">{a.columns.openid}</th>
                <th className="px-4 py-2">{a.columns.appliedAt}</th>
                {canEdit ? <th className="px-4 py-2" /> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100" data-testid="pending-application">
                  {canEdit ? <td className="px-4 py-2"><input type="checkbox" className="h-4 w-4" aria-label={format(a.select, { name: names[r.id] ?? r.name })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} /></td> : null}
                  <td className="px-4 py-2">
                    {canEdit && r.status === "pending" ? (
                      <input aria-label={a.nameLabel} value={names[r.id] ?? ""} maxLength={60} onChange={(e) => setNames((n) => ({ ...n, [r.id]: e.target.value }))} className="w-full rounded-md border border-slate-300 px-2 py-1" />
                    ) : <span>{r.name} · {a.status[r.status as keyof typeof a.status] ?? r.status}</span>}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-600">{r.openid}</td>
                  <td className="px-4 py-2 text-slate-600">{r.appliedAt}</td>
                  {canEdit ? (
                    <td className="space-x-2 whitespace-nowrap px-4 py-2 text-right">
                      <Button type="button" disabled={pending || r.status !== "pending"} onClick={() => decide("approve", [r.id])}>{a.approve}</Button>
                      <Button type="button" variant="secondary" disabled={pending || r.status !== "pending"} onClick={() => decide("reject", [r.id])}>{a.reject}</Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
