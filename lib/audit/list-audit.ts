import { db } from "../db";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = { action?: string; actor?: string; cursor?: number; take?: number };

/** A stored detail string as an object, or null when it is missing or not a JSON object. */
export function parseAuditDetail(detail: string | null): Record<string, unknown> | null {
  if (!detail) return null;
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Display names for targets (user email, promoter/account/key name), in one query per type. */
async function targetNames(rows: { targetType: string | null; targetId: string | null }[]) {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!))];
  const client = db();
  const [users, promoters, accounts, keys] = await Promise.all([
    client.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, email: true } }),
    client.promoter.findMany({ where: { id: { in: ids("promoter") } }, select: { id: true, name: true } }),
    client.account.findMany({ where: { id: { in: ids("account") } }, select: { id: true, name: true } }),
    client.apiKey.findMany({ where: { id: { in: ids("apikey") } }, select: { id: true, name: true } }),
  ]);
  return new Map<string, string>([
    ...users.map((u) => [`user:${u.id}`, u.email] as const),
    ...promoters.map((p) => [`promoter:${p.id}`, p.name] as const),
    ...accounts.map((a) => [`account:${a.id}`, a.name] as const),
    ...keys.map((k) => [`apikey:${k.id}`, k.name] as const),
  ]);
}

/**
 * The audit log newest first, 50 per page, keyset-paginated on the id (nextCursor is the last id
 * shown; the next page has smaller ids). Filters: an action prefix ("user." or "user.disable") and
 * an exact actor.
 */
export async function listAudit({ action, actor, cursor, take = AUDIT_PAGE_SIZE }: AuditFilter = {}) {
  const where = {
    ...(action ? { action: { startsWith: action } } : {}),
    ...(actor ? { actor } : {}),
    ...(cursor ? { id: { lt: cursor } } : {}),
  };
  const rows = await db().auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    take: take + 1,
    select: { id: true, actor: true, action: true, targetType: true, targetId: true, detail: true, ip: true, createdAt: true },
  });
  const page = rows.slice(0, take);
  const names = await targetNames(page);
  return {
    entries: page.map((row) => ({
      ...row,
      detail: parseAuditDetail(row.detail),
      targetName: row.targetType && row.targetId ? (names.get(`${row.targetType}:${row.targetId}`) ?? null) : null,
    })),
    nextCursor: rows.length > take ? page[page.length - 1].id : null,
  };
}

export type AuditEntry = Awaited<ReturnType<typeof listAudit>>["entries"][number];

/** Everyone who appears in the log, for the actor filter. */
export async function listAuditActors(limit = 200): Promise<string[]> {
  const rows = await db().auditLog.groupBy({ by: ["actor"], orderBy: { actor: "asc" }, take: limit });
  return rows.map((r) => r.actor);
}
