import { db } from "../../db";
import { effectiveStatus } from "../../promoters/qr-spec";

// A selection's codes are read this many at a time, so a large archive never holds them all.
const PAGE = 200;
// Well below the ZIP format's 65,535 entries: about 25 KB a PNG, so at most ~500 MB an archive.
export const ZIP_MAX_CODES = 20_000;

/** Which codes go into the archive: every active promoter's, the given promoters' (active or not), or a campaign's enrolled codes. */
export type ZipSelection = { accountId: string; promoterIds?: string[]; campaignId?: string };

export type ZipCode = { id: string; sceneKey: string; url: string; name: string | null };

// Active codes with an image, not expired (temporary codes), of the selected or all active promoters.
function where({ accountId, promoterIds, campaignId }: ZipSelection, now: Date) {
  return {
    accountId,
    status: "active",
    url: { not: null },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    ...(campaignId ? { campaigns: { some: { campaignId, campaign: { accountId } } } } : { promoter: { is: promoterIds ? { id: { in: promoterIds } } : { active: true } } }),
  };
}

/** How many codes the archive of the selection will hold (at most ZIP_MAX_CODES). */
export async function countZipCodes(selection: ZipSelection, now = new Date()): Promise<number> {
  return Math.min(ZIP_MAX_CODES, await db().qrCode.count({ where: where(selection, now) }));
}

/** The selection's usable codes in creation order (by id, paged), at most ZIP_MAX_CODES. */
export async function* listZipCodes(selection: ZipSelection, now = new Date()): AsyncGenerator<ZipCode> {
  let cursor: string | undefined;
  let yielded = 0;
  for (;;) {
    const page = await db().qrCode.findMany({
      where: where(selection, now),
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, sceneKey: true, url: true, status: true, expiresAt: true, label: true, promoter: { select: { name: true } } },
    });
    for (const code of page) {
      if (!code.url || effectiveStatus(code, now) !== "active") continue;
      if (yielded++ >= ZIP_MAX_CODES) return;
      yield { id: code.id, sceneKey: code.sceneKey, url: code.url, name: code.promoter?.name ?? code.label };
    }
    if (page.length < PAGE) return;
    cursor = page[page.length - 1].id;
  }
}
