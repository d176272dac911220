import { posterLine, type PosterLayout } from "@/lib/posters/poster-layout";
import { PosterView } from "./poster-view";

/** Posters per A4 sheet with a template: 2 × 2, each cell about 93 × 137 mm. */
export const SHEET_POSTERS_PER_PAGE = 4;
export const SHEET_POSTER_GRID = "grid grid-cols-2 gap-3 print:h-[276mm] print:grid-rows-2 print:gap-[3mm]";
const CELL_HEIGHT_MM = 135;

/** One poster of the A4 sheet when the account has a template, scaled to fit its cell. */
export function SheetPosterCard({ layout, version, svg, name, text, promoterId }: { layout: PosterLayout; version: string; svg: string; name: string; text: string; promoterId: string }) {
  return (
    <article data-testid="sheet-card" data-promoter-id={promoterId} className="flex items-center justify-center break-inside-avoid">
      <PosterView
        layout={layout}
        backgroundSrc={`/api/posters/background?v=${version}`}
        qr={{ svg }}
        name={name}
        line={posterLine(text, name)}
        label={name}
        testId="sheet-poster"
        style={{ width: `min(100%, ${(CELL_HEIGHT_MM * layout.width) / layout.height}mm)` }}
      />
    </article>
  );
}
