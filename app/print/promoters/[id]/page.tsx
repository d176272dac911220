import { notFound } from "next/navigation";
import { BrandLogo } from "@/components/brand-logo";
import { PrintButton } from "@/components/print-button";
import { TemplatePosterPage } from "@/components/posters/template-poster-page";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { getPosterTemplate } from "@/lib/posters/get-poster-template";
import { getPromoter } from "@/lib/promoters/list-promoters";
import { qrSvg } from "@/lib/qr/render-qr";

export const dynamic = "force-dynamic";

// A single A4 poster: the account's poster template when it has one, else its name, the code, the promoter's name. No dashboard frame.
export default async function PrintPromoterPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("read");
  const [{ t }, { account }, { id }] = await Promise.all([getDictionary(), getActiveAccount(), params]);
  const promoter = account ? await getPromoter(account.id, id) : null;
  if (!account || !promoter?.qrCode?.url) notFound();
  const [svg, template] = await Promise.all([qrSvg(promoter.qrCode.url), getPosterTemplate(account.id)]);
  if (template) return <TemplatePosterPage layout={template.layout} version={template.version} svg={svg} name={promoter.name} text={template.placement.text} printLabel={t.promoters.print.printNow} />;
  return (
    <main className="mx-auto flex min-h-screen max-w-[210mm] flex-col items-center justify-center gap-6 bg-white p-10 text-center print:min-h-0 print:p-0">
      <style>{"@page { size: A4; margin: 20mm; } @media print { body { background: white; } }"}</style>
      <p className="text-3xl font-semibold">{account.name}</p>
      <div role="img" aria-label={promoter.name} className="w-[120mm] max-w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="text-xl text-slate-700">{t.promoters.print.scanToFollow}</p>
      <p className="text-2xl font-medium" data-testid="poster-name">{promoter.name}</p>
      <p className="text-xs text-slate-400">#{promoter.qrCode.sceneKey}</p>
      <BrandLogo name={t.app.name} size={16} className="text-xs text-slate-400" testId="poster-logo" />
      <PrintButton label={t.promoters.print.printNow} />
    </main>
  );
}
