import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { WechatApiError } from "../wechat/wechat-error";
import { deleteMaterial } from "../wechat/material";

type Actor = { email: string; id?: string | null };

// 40007 (invalid media_id): already gone on WeChat's side (e.g. deleted in the console), so the row goes too.
const ALREADY_GONE = 40007;

// Everything but the bytes (served one at a time by GET /api/media/[id]).
export const MEDIA_LIST_SELECT = { id: true, mediaId: true, url: true, fileName: true, size: true, mimeType: true, createdAt: true } as const;

/** The account's uploaded images, newest first. */
export function listMediaAssets(accountId: string) {
  return db().mediaAsset.findMany({ where: { accountId }, orderBy: { createdAt: "desc" }, take: 200, select: MEDIA_LIST_SELECT });
}

export type MediaAssetRow = Awaited<ReturnType<typeof listMediaAssets>>[number];

/** One image's bytes for the dashboard's preview; null when it is not the account's. */
export function readMediaContent(accountId: string, assetId: string) {
  return db().mediaAsset.findFirst({ where: { id: assetId, accountId }, select: { mimeType: true, content: true, fileName: true } });
}

/** Which follow replies and keyword rules still send this image (deleting it would break them). */
export async function mediaInUse(accountId: string, mediaId: string): Promise<number> {
  const [replies, rules] = await Promise.all([
    db().followReply.count({ where: { accountId, kind: "image", mediaId } }),
    db().replyRule.count({ where: { accountId, kind: "image", mediaId } }),
  ]);
  return replies + rules;
}

export class MediaInUseError extends Error {
  constructor(readonly uses: number) {
    super(`The image is used by ${uses} replies`);
  }
}

/** Deletes the image on WeChat (material/del_material) and from the library; false when it is not the account's. */
export async function deleteMediaAsset(accountId: string, assetId: string, actor: Actor): Promise<boolean> {
  const asset = await db().mediaAsset.findFirst({ where: { id: assetId, accountId }, select: { mediaId: true } });
  if (!asset) return false;
  const uses = await mediaInUse(accountId, asset.mediaId);
  if (uses) throw new MediaInUseError(uses);
  try {
    await deleteMaterial(accountId, asset.mediaId);
  } catch (error) {
    if (!(error instanceof WechatApiError && error.errcode === ALREADY_GONE)) throw error;
  }
  await db().$transaction(async (tx) => {
    await tx.mediaAsset.deleteMany({ where: { id: assetId, accountId } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "media.delete", targetType: "account", targetId: accountId, detail: { mediaId: asset.mediaId } });
  });
  return true;
}

/** The library as the reply editors pick from it: media_id, name, the preview's src and WeChat's url. */
export async function listLibraryImages(accountId: string) {
  const rows = await listMediaAssets(accountId);
  return rows.map((r) => ({ mediaId: r.mediaId, fileName: r.fileName, src: `/api/media/${r.id}`, url: r.url }));
}
