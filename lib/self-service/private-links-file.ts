import { toCsv } from "../api-keys/to-csv";
import { writeXlsx, XLSX_TYPE } from "../exports/write-xlsx";
import type { Dictionary } from "../i18n/locales";
import type { IssuedLink } from "./issue-private-links";
import { selfServiceUrl } from "./self-service-token";

export type LinksFileFormat = "csv" | "xlsx";

export type LinksFile = { fileName: string; mime: string; data: Buffer };

/**
 * The file an admin sends out: one row per issued link (name, phone, team, absolute URL, whether the
 * page is enabled, new or replaced), columns in the reader's language, a Chinese file name.
 */
export async function privateLinksFile(links: IssuedLink[], origin: string, fileFormat: LinksFileFormat, t: Dictionary, day: string): Promise<LinksFile> {
  const l = t.links;
  const header = [l.columns.name, l.columns.phone, l.columns.team, l.columns.link, l.columns.status, l.columns.change];
  const rows = links.map((link) => [
    link.name,
    link.phone ?? "",
    link.team ?? "",
    selfServiceUrl(origin, link.token),
    link.enabled ? l.status.enabled : l.status.disabled,
    link.rotated ? l.change.rotated : l.change.created,
  ]);
  const base = `${l.fileName}-${day}`;
  if (fileFormat === "csv") return { fileName: `${base}.csv`, mime: "text/csv; charset=utf-8", data: Buffer.from(toCsv(header, rows), "utf8") };
  const data = await writeXlsx(header, rows, { sheet: l.fileName, columnWidths: [16, 16, 14, 72, 10, 18] });
  return { fileName: `${base}.xlsx`, mime: XLSX_TYPE, data };
}
