import Link from "next/link";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { PrintSheetLink } from "./print-sheet-link";
import { QrZipDownload } from "./qr-zip-download";

const LINK = "inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-50";

/** The promoter list's bulk actions: import and batch generation (writers only) the print sheet and the ZIP of every code. */
export async function PromoterBatchLinks({ writable }: { writable: boolean }) {
  const { t } = await getDictionary();
  const l = t.batch.links;
  return (
    <nav aria-label={l.label} className="flex flex-wrap gap-2" data-testid="promoter-batch-links">
      {writable ? <Link href="/promoters/import" className={LINK} data-testid="link-import">{l.import}</Link> : null}
      {writable ? <Link href="/promoters/batch" className={LINK} data-testid="link-batch-generate">{l.generate}</Link> : null}
      {writable ? <Link href="/promoters/links" className={LINK} data-testid="link-export-links">{t.links.open}</Link> : null}
      <PrintSheetLink className={LINK} />
      <QrZipDownload className={LINK} />
    </nav>
  );
}
