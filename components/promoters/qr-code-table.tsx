import { format, type Dictionary, type Locale } from "@/lib/i18n/locales";
import type { PromoterCode } from "@/lib/promoters/list-promoter-codes";
import { isTemporary } from "@/lib/promoters/qr-spec";
import { StatusBadge } from "./qr-status-badge";
import { RetryQrButton } from "./retry-qr-button";

/** Every code of a promoter with its kind, expiry and the actions that fit its state. */
export function QrCodeTable({ codes, t, locale, timeZone, writable }: { codes: PromoterCode[]; t: Dictionary; locale: Locale; timeZone: string; writable: boolean }) {
  const q = t.qrcodes;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="qr-codes">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            {[q.columns.kind, q.columns.label, q.columns.scene, q.columns.status, q.columns.expires, q.columns.actions].map((c) => (
              <th key={c} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {codes.map((qr) => (
            <tr key={qr.id} data-scene={qr.sceneKey}>
              <td className="whitespace-nowrap px-3 py-2">{(q.kinds as Record<string, string>)[qr.kind] ?? qr.kind}</td>
              <td className="px-3 py-2 text-slate-600">{qr.label ?? "—"}</td>
              <td className="px-3 py-2 font-mono text-xs">{qr.sceneKey}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <StatusBadge status={qr.status} label={(t.promoters.qrStatus as Record<string, string>)[qr.status] ?? qr.status} />
                {qr.expiringSoon ? <span className="ml-1"><StatusBadge status="pending" label={q.expiringSoon} /></span> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">{qr.expiresAt ? dateTime.format(qr.expiresAt) : q.never}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <div className="flex items-center gap-2">
                  {qr.url && qr.status === "active" ? <a href={`/api/qrcodes/${qr.id}`} className="text-brand-700 hover:underline">{q.download}</a> : null}
                  {writable && (isTemporary(qr.kind) || qr.status === "failed") ? (
                    <RetryQrButton qrCodeId={qr.id} label={isTemporary(qr.kind) && qr.status !== "failed" ? q.renew : q.retry} pendingLabel={q.renewing} />
                  ) : null}
                </div>
                {qr.status === "failed" && qr.lastErrorCode !== null ? <p className="mt-1 text-xs text-red-700">{format(t.promoters.detail.errcode, { errcode: qr.lastErrorCode })}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
