import { PosterView } from "@/components/posters/poster-view";
import type { Dictionary } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import { getPosterTemplate } from "@/lib/posters/get-poster-template";
import { posterLine } from "@/lib/posters/poster-layout";
import { findSelfServicePromoter } from "@/lib/self-service/find-self-service-promoter";
import { PosterDownloadButton } from "./poster-download-button";

/**
 * The private page's branded poster, when the account has a poster template and the promoter a
 * code: a preview and a button that draws it as a PNG in the browser (the system's CJK font).
 */
export async function PosterCard({ token, t }: { token: string; t: Dictionary }) {
  const promoter = await findSelfServicePromoter(token);
  const template = promoter?.qr ? await getPosterTemplate(promoter.accountId) : null;
  if (!promoter || !template) return null;
  const p = t.posters;
  const line = posterLine(template.placement.text, promoter.name);
  const backgroundSrc = `/p/${token}/poster-background?v=${template.version}`;
  const qrSrc = `/p/${token}/qr`;
  return (
    <section className="rounded-2xl bg-white p-5 text-center shadow-sm" aria-labelledby="sp-poster-title" data-testid="sp-poster-card">
      <h2 id="sp-poster-title" className="text-sm font-medium text-slate-500">{p.posterTitle}</h2>
      <PosterView layout={template.layout} backgroundSrc={backgroundSrc} qr={{ src: qrSrc }} name={promoter.name} line={line} label={format(p.posterAlt, { name: promoter.name })} className="mx-auto mt-3 w-full max-w-[320px] rounded-md" testId="sp-poster" />
      <PosterDownloadButton
        layout={template.layout}
        backgroundSrc={backgroundSrc}
        qrSrc={qrSrc}
        name={promoter.name}
        line={line}
        fileName={`${promoter.name}-${p.fileSuffix}.png`}
        labels={{ download: p.download, downloading: p.downloading, failed: p.downloadFailed }}
      />
    </section>
  );
}
