import { writeAudit } from "../audit/write-audit";
import { db, type Tx } from "../db";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { followReplySchema, type FollowReplyScope } from "./follow-reply-schema";

type Actor = { email: string; id?: string | null };
export type FollowReplyTarget = { scope: FollowReplyScope; scopeId: string };

export class FollowReplyTargetError extends Error {
  constructor() {
    super("That promoter, campaign or code is not in this account");
  }
}

/** Whether the scope's row (promoter, campaign, code) belongs to the account; the account scope names itself. */
async function ownsTarget(tx: Tx, accountId: string, { scope, scopeId }: FollowReplyTarget): Promise<boolean> {
  const where = { id: scopeId, accountId };
  if (scope === "account") return scopeId === accountId;
  if (scope === "promoter") return Boolean(await tx.promoter.findFirst({ where, select: { id: true } }));
  if (scope === "campaign") return Boolean(await tx.campaign.findFirst({ where, select: { id: true } }));
  return Boolean(await tx.qrCode.findFirst({ where, select: { id: true } }));
}

/** Sets the follow reply of an account, promoter, campaign or code (replacing the previous one). */
export async function saveFollowReply(accountId: string, target: FollowReplyTarget, input: unknown, actor: Actor) {
  const reply = followReplySchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      if (!(await ownsTarget(tx, accountId, target))) throw new FollowReplyTargetError();
      const key = { accountId_scope_scopeId: { accountId, ...target } };
      const saved = await tx.followReply.upsert({ where: key, create: { accountId, ...target, ...reply }, update: reply, select: { id: true } });
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "follow-reply.save", targetType: target.scope, targetId: target.scopeId, detail: { kind: reply.kind } });
      return saved;
    });
  } finally {
    forgetCallbackCaches();
  }
}

/** Removes a scope's follow reply (the next level's applies again); false when there was none. */
export async function deleteFollowReply(accountId: string, target: FollowReplyTarget, actor: Actor): Promise<boolean> {
  try {
    return await db().$transaction(async (tx) => {
      const { count } = await tx.followReply.deleteMany({ where: { accountId, ...target } });
      if (count) await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "follow-reply.delete", targetType: target.scope, targetId: target.scopeId });
      return count > 0;
    });
  } finally {
    forgetCallbackCaches();
  }
}
