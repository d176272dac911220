import { db } from "../db";
import { FOLLOW_REPLY_SELECT, type FollowReplyScope, type FollowReplySpec } from "./follow-reply-schema";

/** The stored replies of some scope's rows (for editors and code lists), by scopeId. */
export async function getFollowReplies(accountId: string, scope: FollowReplyScope, scopeIds: string[]): Promise<Map<string, FollowReplySpec>> {
  if (!scopeIds.length) return new Map();
  const rows = await db().followReply.findMany({ where: { accountId, scope, scopeId: { in: scopeIds } }, select: { scopeId: true, ...FOLLOW_REPLY_SELECT } });
  return new Map(rows.map(({ scopeId, ...spec }) => [scopeId, spec]));
}

/** One scope's stored reply, or null. */
export async function getFollowReply(accountId: string, scope: FollowReplyScope, scopeId: string): Promise<FollowReplySpec | null> {
  return (await getFollowReplies(accountId, scope, [scopeId])).get(scopeId) ?? null;
}
