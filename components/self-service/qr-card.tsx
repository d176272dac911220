import type { Dictionary } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";

/**
 * The promoter's permanent code as a PNG <img>: WeChat's in-app browser lets people long-press an
 * image to save or forward it, which it does not offer for inline SVG.
 */
export function QrCard({ token, name, hasQr, t }: { token: string; name: string; hasQr: boolean; t: Dictionary }) {
  const p = t.admin.promoterPage;
  const src = `/p/${token}/qr`;
  return (
    <section className="rounded-2xl bg-white p-5 text-center shadow-sm" aria-labelledby="sp-qr-title">
      <h2 id="sp-qr-title" className="text-sm font-medium text-slate-500">{p.qrTitle}</h2>
      {hasQr ? (
        <>
          {/* eslint-disable-next-line @next/next/no-img-element -- a plain PNG the browser can save; next/image would re-encode it */}
          <img src={src} alt={format(p.qrAlt, { name })} width={1024} height={1024} data-testid="sp-qr" className="mx-auto mt-3 aspect-square w-full max-w-[280px]" />
          <p className="mt-2 text-sm text-slate-600">{p.qrSave}</p>
          <a href={`${src}?download=1`} download className="mt-3 inline-block text-sm text-brand-700 underline">{p.download}</a>
        </>
      ) : (
        <p className="mt-4 rounded-lg bg-amber-50 p-4 text-sm text-amber-800" data-testid="sp-qr-missing">{p.qrMissing}</p>
      )}
    </section>
  );
}
