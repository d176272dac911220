import Link from "next/link";
import type { CrosscheckRow } from "@/lib/crosscheck/get-crosscheck";
import { format, type Dictionary, type Locale } from "@/lib/i18n/locales";

const STATUS_STYLE = {
  match: "bg-emerald-50 text-emerald-700",
  off: "bg-red-50 text-red-700",
  notReady: "bg-slate-100 text-slate-600",
  notFetched: "bg-slate-100 text-slate-600",
} as const;

/** One of our figures, highlighted with the gap when WeChat's differs (diff is WeChat's minus ours). */
function Ours({ value, diff, t, metric }: { value: number; diff: number | undefined; t: Dictionary["crosscheck"]; metric: string }) {
  const off = diff !== undefined && diff !== 0;
  return (
    <td className={`px-2 py-2 tabular-nums ${off ? "bg-red-50 font-semibold text-red-700" : ""}`} data-metric={metric} data-off={off ? "true" : undefined}>
      {value}
      {off ? <span className="ml-1 block text-xs font-normal">{format(diff > 0 ? t.fewer : t.more, { count: Math.abs(diff) })}</span> : null}
    </td>
  );
}

/** The per-day table: WeChat's figures, ours, and the result with its explanations. */
export function CrosscheckTable({ rows, t, locale, scenesHref }: { rows: CrosscheckRow[]; t: Dictionary; locale: Locale; scenesHref: (day: string) => string }) {
  const c = t.crosscheck;
  const col = c.columns;
  const th = "px-2 py-1.5 font-medium";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[960px] text-left text-sm" data-testid="crosscheck-table">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th scope="col" rowSpan={2} className={th}>{col.day}</th>
            <th scope="colgroup" colSpan={4} className={`${th} border-l border-slate-200`}>{c.groupWechat}</th>
            <th scope="colgroup" colSpan={4} className={`${th} border-l border-slate-200`}>{c.groupOurs}</th>
            <th scope="col" rowSpan={2} className={`${th} border-l border-slate-200`}>{col.status}</th>
          </tr>
          <tr>
            {[col.wechatQr, col.wechatAll, col.wechatCancel, col.wechatCumulate, col.oursQr, col.oursAll, col.oursUnfollows, col.oursNet].map((label, i) => (
              <th key={i} scope="col" className={`${th} ${i === 0 || i === 4 ? "border-l border-slate-200" : ""}`}>{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const w = row.wechat;
            const diff = row.diff ?? undefined;
            return (
              <tr key={row.day} className="border-t border-slate-100 align-top" data-testid="crosscheck-row" data-day={row.day} data-status={row.status}>
                <th scope="row" className="whitespace-nowrap px-2 py-2 font-mono text-xs font-normal">{row.day}</th>
                <td className="border-l border-slate-100 px-2 py-2 tabular-nums" data-metric="wechat-qr">{w ? w.qrNew : "—"}</td>
                <td className="px-2 py-2 tabular-nums" data-metric="wechat-all">{w ? w.allNew : "—"}</td>
                <td className="px-2 py-2 tabular-nums" data-metric="wechat-cancel">{w ? w.cancel : "—"}</td>
                <td className="px-2 py-2 tabular-nums" data-metric="wechat-cumulate">{w ? w.cumulate.toLocaleString(locale) : "—"}</td>
                <Ours value={row.ours.qrNew} diff={diff?.qrNew} t={c} metric="ours-qr" />
                <Ours value={row.ours.allNew} diff={diff?.allNew} t={c} metric="ours-all" />
                <Ours value={row.ours.unfollows} diff={diff?.cancel} t={c} metric="ours-unfollows" />
                <td className="px-2 py-2 tabular-nums" data-metric="ours-net">{row.ours.net}</td>
                <td className="border-l border-slate-100 px-2 py-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[row.status]}`} data-testid="crosscheck-status">{c.status[row.status]}</span>
                  <ul className="mt-1 max-w-md space-y-1 text-xs text-slate-600">
                    {row.reasons.map((reason) => (
                      <li key={reason.code}>
                        {format(c.reasons[reason.code], "count" in reason ? { count: reason.count } : {}, locale)}
                        {reason.code === "unattributed" ? <> <Link href={scenesHref(row.day)} className="text-brand-700 underline">{c.scenesLink}</Link></> : null}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
