import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { addImageMaterial } from "../wechat/material";
import { checkImageFile, type ImageProblem } from "./image-file";
import { MEDIA_LIST_SELECT } from "./manage-media";

type Actor = { email: string; id?: string | null };

/** A file refused before anything was sent to WeChat; `problem` is a key under `media.errors`. */
export class ImageFileError extends Error {
  constructor(readonly problem: ImageProblem) {
    super(`The image cannot be uploaded: ${problem}`);
  }
}

/**
 * Checks the file (size, JPG/PNG by its bytes), uploads it to WeChat as a permanent image and adds it
 * to the account's library. WechatApiError / WechatNetworkError pass through with nothing stored.
 */
export async function uploadImage(accountId: string, file: { name: string; bytes: Uint8Array }, actor: Actor) {
  const checked = checkImageFile(file.name, file.bytes);
  if (!checked.ok) throw new ImageFileError(checked.problem);
  const { mediaId, url } = await addImageMaterial(accountId, { name: checked.fileName, type: checked.type, bytes: file.bytes });
  return db().$transaction(async (tx) => {
    const asset = await tx.mediaAsset.create({
      data: { accountId, mediaId, url, fileName: checked.fileName, size: file.bytes.length, mimeType: checked.type, content: Buffer.from(file.bytes) },
      select: MEDIA_LIST_SELECT,
    });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "media.upload", targetType: "account", targetId: accountId, detail: { mediaId, fileName: checked.fileName, size: file.bytes.length } });
    return asset;
  });
}
