// The promoter as the REST API shows it (JSON and CSV), with all-time counts from the daily rollups.
import { db } from "../db";
import type { PromoterRow } from "../promoters/list-promoters";
import { wechatErrorHint, type WechatErrorHint } from "../wechat/wechat-error";
import type { CsvCell } from "./to-csv";

export type PromoterCounts = { newFollowers: number; refollows: number; unfollows: number; net: number; scans: number };

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

// issueQrCode records this errcode when WeChat could not be reached at all.
const NETWORK_FAILURE = -2;
const NETWORK_HINT: WechatErrorHint = {
  zh: "无法连接微信接口。请检查服务器网络（以及 WECHAT_API_BASE 设置）后重试。",
  en: "WeChat's API could not be reached. Check the server's network (and WECHAT_API_BASE), then try again.",
};

const ZERO: PromoterCounts = { newFollowers: 0, refollows: 0, unfollows: 0, net: 0, scans: 0 };

/** All-time sums per promoter, in one grouped query over the given promoters. */
export async function promoterCounts(accountId: string, promoterIds: string[]): Promise<Map<string, PromoterCounts>> {
  if (promoterIds.length === 0) return new Map();
  const sums = await db().promoterDailyStat.groupBy({
    by: ["promoterId"],
    where: { accountId, promoterId: { in: promoterIds } },
    _sum: { newFollowers: true, refollows: true, unfollows: true, scans: true },
  });
  return new Map(
    sums.map(({ promoterId, _sum: s }) => {
      const newFollowers = s.newFollowers ?? 0;
      const unfollows = s.unfollows ?? 0;
      return [promoterId, { newFollowers, refollows: s.refollows ?? 0, unfollows, net: newFollowers - unfollows, scans: s.scans ?? 0 }];
    }),
  );
}

export function serializePromoter(row: PromoterRow, counts: PromoterCounts = ZERO): ApiPromoter {
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
                hint: qr.lastErrorCode === NETWORK_FAILURE ? NETWORK_HINT : wechatErrorHint(qr.lastErrorCode!, qr.lastErrorMsg ?? ""),
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
