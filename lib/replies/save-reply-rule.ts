import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { replyRuleSchema } from "./reply-rule-schema";

type Actor = { email: string; id?: string | null };

/**
 * Adds a rule after the account's others. The default and the follow rule exist once per account:
 * saving one replaces the previous.
 */
export async function addReplyRule(accountId: string, input: unknown, actor: Actor) {
  const rule = replyRuleSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      if (rule.trigger === "default" || rule.trigger === "follow") await tx.replyRule.deleteMany({ where: { accountId, trigger: rule.trigger } });
      const last = await tx.replyRule.aggregate({ where: { accountId }, _max: { position: true } });
      const created = await tx.replyRule.create({ data: { ...rule, accountId, position: (last._max.position ?? 0) + 1 }, select: { id: true } });
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "reply-rule.create", targetType: "account", targetId: accountId, detail: { trigger: rule.trigger, keyword: rule.keyword, kind: rule.kind } });
      return created;
    });
  } finally {
    forgetCallbackCaches();
  }
}

/** Deletes one of the account's rules; false when it is not the account's (or already gone). */
export async function deleteReplyRule(accountId: string, ruleId: string, actor: Actor): Promise<boolean> {
  try {
    return await db().$transaction(async (tx) => {
      const { count } = await tx.replyRule.deleteMany({ where: { id: ruleId, accountId } });
      if (count) await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "reply-rule.delete", targetType: "account", targetId: accountId, detail: { ruleId } });
      return count > 0;
    });
  } finally {
    forgetCallbackCaches();
  }
}

/** The account's rules in the order the callback tries them. */
export function listReplyRules(accountId: string) {
  return db().replyRule.findMany({ where: { accountId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
}
