"use client";

import { useI18n } from "@/components/i18n-provider";
import { format } from "@/lib/i18n/locales";

/** Opens the A4 sheet of QR cards: for the given promoters, or for all active promoters without ids. */
export function PrintSheetLink({ ids, className }: { ids?: string[]; className?: string }) {
  const { t } = useI18n();
  const l = t.batch.links;
  const href = ids?.length ? `/print/sheet?${new URLSearchParams({ ids: ids.join(",") })}` : "/print/sheet";
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener"
      data-testid="print-sheet-link"
      className={className ?? "inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-50"}
    >
      {ids?.length ? format(l.printSelected, { count: ids.length }) : l.printSheet}
    </a>
  );
}
