// Mapping a team, campaign or promoter to a WeChat user tag (admin action, audited): the tag is made
// with tags/create — or, when WeChat already has a tag of that name (45157), that tag is taken over —
// and, unless asked not to, the target's current followers are queued for tagging.
import { writeAudit } from "../audit/write-audit";
import { db, isUniqueViolation } from "../db";
import { WechatApiError } from "../wechat/wechat-error";
import { tagExistingFollowers } from "./tag-existing-followers";
import { MAX_TAGS_PER_ACCOUNT, tagMappingSchema, type TargetType } from "./tag-mapping-schema";
import { nudgeTagging } from "./tagging-worker";
import { createWechatTag, listWechatTags } from "./wechat-tags";

type Actor = { email: string; id?: string | null };

/** A refusal shown next to its field (a key under `tags.errors`); `errcode` when WeChat refused. */
export class TagInputError extends Error {
  constructor(readonly field: "targetId" | "name" | "form", readonly key: string, readonly errcode?: number, readonly errmsg?: string) {
    super(`${field}: ${key}${errcode ? ` (errcode ${errcode})` : ""}`);
    this.name = "TagInputError";
  }
}

/** The target's name, or null when it is not one of the account's. */
export async function targetName(accountId: string, type: TargetType, id: string): Promise<string | null> {
  const where = { id, accountId };
  const row =
    type === "team" ? await db().team.findFirst({ where, select: { name: true } })
    : type === "campaign" ? await db().campaign.findFirst({ where, select: { name: true } })
    : await db().promoter.findFirst({ where, select: { name: true } });
  return row?.name ?? null;
}

async function wechatTagFor(accountId: string, name: string): Promise<{ id: number; name: string }> {
  try {
    return await createWechatTag(accountId, name);
  } catch (error) {
    if (!(error instanceof WechatApiError)) throw error;
    if (error.errcode === 45157) {
      const existing = (await listWechatTags(accountId)).find((t) => t.name === name);
      if (existing) return existing;
      throw new TagInputError("name", "nameInvalid", error.errcode, error.errmsg);
    }
    if (error.errcode === 45158) throw new TagInputError("name", "nameLong", error.errcode, error.errmsg);
    throw new TagInputError("form", error.errcode === 45056 ? "tooManyTags" : "wechat", error.errcode, error.errmsg);
  }
}

export async function createTagMapping(accountId: string, input: unknown, actor: Actor) {
  const data = tagMappingSchema.parse(input);
  const target = await targetName(accountId, data.targetType, data.targetId);
  if (target === null) throw new TagInputError("targetId", "targetUnknown");
  const taken = await db().tagMapping.findFirst({ where: { accountId, targetType: data.targetType, targetId: data.targetId }, select: { id: true } });
  if (taken) throw new TagInputError("targetId", "alreadyMapped");
  if ((await db().tagMapping.count({ where: { accountId } })) >= MAX_TAGS_PER_ACCOUNT) throw new TagInputError("form", "tooManyTags");
  const tag = await wechatTagFor(accountId, data.name);
  let mapping;
  try {
    mapping = await db().$transaction(async (tx) => {
      const created = await tx.tagMapping.create({ data: { accountId, targetType: data.targetType, targetId: data.targetId, wechatTagId: tag.id, name: tag.name } });
      await writeAudit(tx, {
        actor: actor.email, userId: actor.id, action: "tag.create", targetType: "tag", targetId: created.id,
        detail: { name: tag.name, wechatTagId: tag.id, target: { type: data.targetType, id: data.targetId, name: target } },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new TagInputError("name", "tagMapped");
    throw error;
  }
  const queued = data.tagExisting ? await tagExistingFollowers(accountId, mapping.id, actor, { audit: false }) : 0;
  nudgeTagging();
  return { mapping, queued };
}
