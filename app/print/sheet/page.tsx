import Link from "next/link";
import { notFound } from "next/navigation";
import { SheetCard } from "@/components/batch/sheet-card";
import { SHEET_POSTER_GRID, SHEET_POSTERS_PER_PAGE, SheetPosterCard } from "@/components/posters/sheet-poster-card";
import { PrintButton } from "@/components/print-button";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { listSheetCards, SHEET_MAX_CARDS } from "@/lib/batch/list-sheet-cards";
import { listCampaignCards } from "@/lib/campaigns/list-campaign-cards";
import { parseIdList } from "@/lib/batch/parse-id-list";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { getPosterTemplate } from "@/lib/posters/get-poster-template";
import { qrSvg } from "@/lib/qr/render-qr";

export const dynamic = "force-dynamic";

const PER_PAGE = 12; // 3 × 4 on A4
const PRINT_CSS = "@page { size: A4; margin: 10mm; } @media print { body { background: white; } .sheet-page { break-after: page; } .sheet-page:last-child { break-after: auto; } }";

// A4 sheets of QR cards to cut out: ?ids=a,b,c for a selection, ?campaign=id for a campaign's codes, else every active promoter. No dashboard frame.
export default async function PrintSheetPage({ searchParams }: { searchParams: Promise<{ ids?: string | string[]; campaign?: string }> }) {
  await requireUser("read");
  const [{ t }, { account }, params] = await Promise.all([getDictionary(), getActiveAccount(), searchParams]);
  if (!account) notFound();
  const s = t.batch.sheet;
  const campaignId = params.campaign === undefined ? undefined : (parseIdList(params.campaign, 1)?.[0] ?? "-");
  const { cards, capped, withoutCode } = campaignId ? await listCampaignCards(account.id, campaignId) : await listSheetCards(account.id, parseIdList(params.ids, SHEET_MAX_CARDS + 1));
  const [svgs, template] = await Promise.all([Promise.all(cards.map((card) => qrSvg(card.url))), getPosterTemplate(account.id)]);
  const perPage = template ? SHEET_POSTERS_PER_PAGE : PER_PAGE; // with a poster template: one poster per cell
  const pages = Array.from({ length: Math.ceil(cards.length / perPage) }, (_, i) => cards.slice(i * perPage, (i + 1) * perPage));
  return (
    <main className="mx-auto max-w-[210mm] space-y-6 p-4 sm:p-8 print:max-w-none print:space-y-0 print:p-0">
      <style>{PRINT_CSS}</style>
      <header className="space-y-2 print:hidden">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold">{account.name} · {s.title}</h1>
          {cards.length > 0 ? <PrintButton label={s.print} /> : null}
        </div>
        {cards.length > 0 ? <p className="text-sm text-slate-600" data-testid="sheet-summary">{format(template ? t.posters.sheetSummary : s.summary, { count: cards.length })}</p> : null}
        {capped ? <p role="alert" className="text-sm text-amber-700" data-testid="sheet-capped">{format(s.capped, { max: SHEET_MAX_CARDS })}</p> : null}
        {withoutCode > 0 ? <p className="text-sm text-amber-700" data-testid="sheet-without-code">{format(s.withoutCode, { count: withoutCode })}</p> : null}
      </header>
      {cards.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="sheet-empty">
          <p className="text-sm text-slate-600">{s.empty}</p>
          <Link href="/promoters/batch" className="mt-3 inline-block text-sm font-medium text-brand-700 underline">{s.generateLink}</Link>
        </div>
      ) : (
        pages.map((page, index) => (
          <section key={index} aria-label={format(s.page, { page: index + 1, pages: pages.length })} className="sheet-page rounded-lg bg-white p-3 shadow-sm print:rounded-none print:p-0 print:shadow-none">
            <div className={template ? SHEET_POSTER_GRID : "grid grid-cols-2 gap-3 sm:grid-cols-3 print:h-[276mm] print:grid-cols-3 print:grid-rows-4 print:gap-[3mm]"}>
              {page.map((card, i) => template ? (
                <SheetPosterCard key={`${card.promoterId}-${card.sceneKey}`} layout={template.layout} version={template.version} svg={svgs[index * perPage + i]} name={card.name} text={template.placement.text} promoterId={card.promoterId} />
              ) : (
                <SheetCard key={`${card.promoterId}-${card.sceneKey}`} svg={svgs[index * perPage + i]} name={card.name} sceneKey={card.sceneKey} promoterId={card.promoterId} scanLabel={s.scan} />
              ))}
            </div>
          </section>
        ))
      )}
    </main>
  );
}
