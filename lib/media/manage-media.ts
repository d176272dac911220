import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { WechatApiError } from "../wechat/wechat-error";
import { deleteMaterial } from "../wechat/material";

type Actor = { email: string; id?: string | null };

// 40007 (invalid media_id): already gone on WeChat's side (e.g. deleted in the console), so the row goes too.
const ALREADY_GONE = 40007;

/** The account's uploaded images, newest first. */
export function listMediaAssets(accountId: string) {
  return db().mediaAsset.findMany({ where: { accountId }, orderBy: { createdAt: "desc" }, take: 200 });
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
  const asset = await db().mediaAsset.findFirst({ where: { id: assetId, accountId } });
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
