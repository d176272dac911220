// The promoter as the REST API shows it (JSON and CSV), with all-time counts from the daily rollups.
import type { PromoterRow } from "../promoters/list-promoters";
import { ZERO_TOTALS, type PromoterTotals } from "../stats/get-promoter-totals";
import { qrErrorHint } from "../promoters/qr-error-hint";
import type { WechatErrorHint } from "../wechat/wechat-error";
import type { CsvCell } from "./to-csv";

export type PromoterCounts = PromoterTotals;

export type ApiPromoter = {
  id: string;
  name: string;
  phone: string | null;
  note: string | null;
  active: boolean;
  createdAt: Date;
  scene: { id: number | null; key: string; kind: string } | null;
  qrCode: { status: string; url: string | null; error: { errcode: number; errmsg: string; hint: WechatErrorHint } | null } | null;
  counts: PromoterCounts;
};

export function serializePromoter(row: PromoterRow, counts: PromoterCounts = ZERO_TOTALS): ApiPromoter {
  const qr = row.qrCode;
  const failed = qr?.status === "failed" && qr.lastErrorCode !== null;
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    note: row.note,
    active: row.active,
    createdAt: row.createdAt,
    scene: qr ? { id: qr.sceneId, key: qr.sceneKey, kind: qr.kind } : null,
    qrCode: qr
      ? {
          status: qr.status,
          url: qr.url,
          error: failed
            ? {
                errcode: qr.lastErrorCode!,
                errmsg: qr.lastErrorMsg ?? "",
                hint: qrErrorHint(qr.lastErrorCode!, qr.lastErrorMsg ?? ""),
              }
            : null,
        }
      : null,
    counts,
  };
}

export const PROMOTER_CSV_HEADER = [
  "id", "name", "phone", "note", "active", "createdAt", "sceneId", "sceneKey", "qrStatus", "qrUrl",
  "newFollowers", "refollows", "unfollows", "net", "scans",
] as const;

export function promoterCsvRow(p: ApiPromoter): CsvCell[] {
  const { newFollowers, refollows, unfollows, net, scans } = p.counts;
  return [p.id, p.name, p.phone, p.note, p.active, p.createdAt, p.scene?.id, p.scene?.key, p.qrCode?.status, p.qrCode?.url, newFollowers, refollows, unfollows, net, scans];
}
