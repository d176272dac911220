import { BRAND_ASSETS } from "@/lib/brand-assets";

/** One cut-out card of the print sheet: the code, the promoter's name and scene. */
export function SheetCard({ svg, name, sceneKey, promoterId, scanLabel }: { svg: string; name: string; sceneKey: string; promoterId: string; scanLabel: string }) {
  return (
    <article
      data-testid="sheet-card"
      data-promoter-id={promoterId}
      className="flex flex-col items-center justify-center gap-1 break-inside-avoid rounded-md border border-dashed border-slate-300 bg-white p-3 text-center print:rounded-none print:p-[3mm]"
    >
      <div role="img" aria-label={name} className="aspect-square w-full max-w-[44mm]" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="w-full truncate text-base font-medium" data-testid="sheet-card-name">{name}</p>
      <p className="inline-flex items-center gap-1 text-[10px] text-slate-500">
        {/* eslint-disable-next-line @next/next/no-img-element -- the brand mark as a vector for print */}
        <img src={BRAND_ASSETS.logo} alt="" width={10} height={10} aria-hidden="true" data-testid="sheet-card-logo" />
        {scanLabel} · #{sceneKey}
      </p>
    </article>
  );
}
