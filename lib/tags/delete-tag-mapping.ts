// Removing a mapping (admin action, audited): the tag is deleted in WeChat too (which takes it off every
// follower and frees one of the 100), then the mapping and its queue. A tag WeChat no longer has (45159)
// is simply forgotten.
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { WechatApiError } from "../wechat/wechat-error";
import { TagInputError } from "./create-tag-mapping";
import { deleteWechatTag } from "./wechat-tags";

type Actor = { email: string; id?: string | null };

export async function deleteTagMapping(accountId: string, mappingId: string, actor: Actor): Promise<void> {
  const mapping = await db().tagMapping.findFirst({ where: { id: mappingId, accountId } });
  if (!mapping) return;
  try {
    await deleteWechatTag(accountId, mapping.wechatTagId);
  } catch (error) {
    if (!(error instanceof WechatApiError)) throw error;
    if (error.errcode !== 45159) throw new TagInputError("form", "wechat", error.errcode, error.errmsg);
  }
  await db().$transaction(async (tx) => {
    await tx.tagMapping.delete({ where: { id: mapping.id } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "tag.delete", targetType: "tag", targetId: mapping.id, detail: { name: mapping.name, wechatTagId: mapping.wechatTagId } });
  });
}
