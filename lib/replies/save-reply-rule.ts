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

/** Swaps a rule with the one before it (up) or after it (down) in the account's order; false at either end. */
export async function moveReplyRule(accountId: string, ruleId: string, direction: "up" | "down", actor: Actor): Promise<boolean> {
  try {
    return await db().$transaction(async (tx) => {
      const rules = await tx.replyRule.findMany({ where: { accountId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
      const at = rules.findIndex((r) => r.id === ruleId);
      const other = direction === "up" ? at - 1 : at + 1;
      if (at < 0 || other < 0 || other >= rules.length) return false;
      [rules[at], rules[other]] = [rules[other], rules[at]];
      // Renumber all: positions stay dense and unique however rules were added or deleted before.
      for (const [i, rule] of rules.entries()) await tx.replyRule.update({ where: { id: rule.id }, data: { position: i + 1 } });
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "reply-rule.move", targetType: "account", targetId: accountId, detail: { ruleId, direction } });
      return true;
    });
  } finally {
    forgetCallbackCaches();
  }
}
