import { PrintButton } from "@/components/print-button";
import { posterLine, type PosterLayout } from "@/lib/posters/poster-layout";
import { PosterView } from "./poster-view";

// The printable area of A4 with 10 mm margins: the poster is as large as fits, in its own proportions.
const AREA = { width: 190, height: 277 };

/** The single-poster print page when the account has a poster template. */
export function TemplatePosterPage({ layout, version, svg, name, text, printLabel }: { layout: PosterLayout; version: string; svg: string; name: string; text: string; printLabel: string }) {
  const width = Math.min(AREA.width, (AREA.height * layout.width) / layout.height);
  return (
    <main className="mx-auto flex min-h-screen max-w-[210mm] flex-col items-center justify-center gap-6 bg-white p-6 print:min-h-0 print:p-0">
      <style>{"@page { size: A4; margin: 10mm; } @media print { body { background: white; } }"}</style>
      <PosterView layout={layout} backgroundSrc={`/api/posters/background?v=${version}`} qr={{ svg }} name={name} line={posterLine(text, name)} label={name} style={{ width: `${width}mm`, maxWidth: "100%" }} />
      <PrintButton label={printLabel} />
    </main>
  );
}
