// The tags page: the account's mappings with their target's name and status counts, the 100-tag
// budget, the failed rows with their errcode, and whether a 45009 paused tagging until midnight.
import { db } from "../db";
import { MAX_TAGS_PER_ACCOUNT, type TargetType } from "./tag-mapping-schema";

export type TagCounts = { pending: number; done: number; failed: number };
export type TagMappingRow = { id: string; name: string; wechatTagId: number; targetType: TargetType; targetId: string; targetName: string | null; createdAt: Date; counts: TagCounts };
export type FailedTagRow = { id: number; tagMappingId: string; tagName: string; openid: string; attempts: number; errcode: number | null; errmsg: string | null };

const FAILED_SHOWN = 50;

async function targetNames(accountId: string, mappings: { targetType: string; targetId: string }[]) {
  const of = (type: string) => mappings.filter((m) => m.targetType === type).map((m) => m.targetId);
  const [teams, campaigns, promoters] = await Promise.all([
    db().team.findMany({ where: { accountId, id: { in: of("team") } }, select: { id: true, name: true } }),
    db().campaign.findMany({ where: { accountId, id: { in: of("campaign") } }, select: { id: true, name: true } }),
    db().promoter.findMany({ where: { accountId, id: { in: of("promoter") } }, select: { id: true, name: true } }),
  ]);
  return new Map([...teams, ...campaigns, ...promoters].map((r) => [r.id, r.name]));
}

export async function listTagMappings(accountId: string, now = new Date()) {
  const mappings = await db().tagMapping.findMany({ where: { accountId }, orderBy: { createdAt: "desc" } });
  const mappingIds = mappings.map((m) => m.id);
  const [names, grouped, failed, paused] = await Promise.all([
    targetNames(accountId, mappings),
    db().followerTag.groupBy({ by: ["tagMappingId", "status"], where: { tagMappingId: { in: mappingIds } }, _count: { _all: true } }),
    db().followerTag.findMany({
      where: { tagMappingId: { in: mappingIds }, status: "failed" },
      orderBy: { id: "desc" },
      take: FAILED_SHOWN,
      select: { id: true, tagMappingId: true, openid: true, attempts: true, lastErrorCode: true, lastErrorMsg: true },
    }),
    db().followerTag.findFirst({ where: { accountId, status: "pending", lastErrorCode: 45009, nextAttemptAt: { gt: now } }, orderBy: { nextAttemptAt: "desc" }, select: { nextAttemptAt: true } }),
  ]);
  const counts = new Map<string, TagCounts>();
  for (const g of grouped) {
    const c = counts.get(g.tagMappingId) ?? { pending: 0, done: 0, failed: 0 };
    if (g.status === "pending" || g.status === "done" || g.status === "failed") c[g.status] += g._count._all;
    counts.set(g.tagMappingId, c);
  }
  const tagName = new Map(mappings.map((m) => [m.id, m.name]));
  const rows: TagMappingRow[] = mappings.map((m) => ({
    id: m.id, name: m.name, wechatTagId: m.wechatTagId, targetType: m.targetType as TargetType, targetId: m.targetId,
    targetName: names.get(m.targetId) ?? null, createdAt: m.createdAt, counts: counts.get(m.id) ?? { pending: 0, done: 0, failed: 0 },
  }));
  const failedRows: FailedTagRow[] = failed.map((f) => ({
    id: f.id, tagMappingId: f.tagMappingId, tagName: tagName.get(f.tagMappingId) ?? "", openid: f.openid, attempts: f.attempts, errcode: f.lastErrorCode, errmsg: f.lastErrorMsg,
  }));
  return { mappings: rows, failed: failedRows, budget: { used: mappings.length, limit: MAX_TAGS_PER_ACCOUNT }, pausedUntil: paused?.nextAttemptAt ?? null };
}

/** Teams, campaigns and promoters to choose from in the create form (those not mapped yet). */
export async function listTagTargets(accountId: string) {
  const mapped = new Set((await db().tagMapping.findMany({ where: { accountId }, select: { targetId: true } })).map((m) => m.targetId));
  const [teams, campaigns, promoters] = await Promise.all([
    db().team.findMany({ where: { accountId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().campaign.findMany({ where: { accountId }, orderBy: { startDay: "desc" }, select: { id: true, name: true } }),
    db().promoter.findMany({ where: { accountId, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 1000 }),
  ]);
  const free = (rows: { id: string; name: string }[]) => rows.filter((r) => !mapped.has(r.id));
  return { team: free(teams), campaign: free(campaigns), promoter: free(promoters) };
}
