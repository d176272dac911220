import { writeAudit } from "../audit/write-audit";
import { db, Prisma, type Tx } from "../db";
import { selectionWhere, type LinkSelection } from "./link-selection";
import { generateSelfServiceToken, hashSelfServiceToken } from "./self-service-token";

type Actor = { email: string; id?: string | null };

/**
 * `all`: every promoter in the selection gets a fresh link — a new one where there was none, a
 * replacement (the old link stops working) where there was one. `missing`: only promoters without a
 * link get one; existing links are left alone and, being stored as hashes, cannot be exported.
 */
export type IssueMode = "all" | "missing";

export type IssuedLink = { promoterId: string; name: string; phone: string | null; team: string | null; enabled: boolean; token: string; rotated: boolean };

// A bulk export covers at most this many promoters; an account of 1,000 to a few thousand is the design point.
export const BULK_LINKS_MAX = 20_000;
// Rows per UPDATE: two parameters each, well under SQLite's and PostgreSQL's parameter limits.
const CHUNK = 500;

export class TooManyLinksError extends Error {
  constructor(readonly count: number) {
    super(`The selection holds ${count} promoters; at most ${BULK_LINKS_MAX} links can be issued at once`);
    this.name = "TooManyLinksError";
  }
}

/**
 * One set-based UPDATE per chunk: each row's new hash comes from a VALUES list joined on the id (the
 * syntax SQLite ≥ 3.33 and PostgreSQL share; both name VALUES columns column1, column2). A row that
 * had no link is also enabled, as a single create does; a replaced link keeps its on/off state.
 * `onlyMissing` re-checks "no link" in the statement, so a link created meanwhile is never replaced.
 */
async function writeHashes(tx: Tx, accountId: string, rows: { id: string; hash: string }[], onlyMissing: boolean): Promise<Set<string>> {
  const updated = new Set<string>();
  for (let at = 0; at < rows.length; at += CHUNK) {
    const values = Prisma.join(rows.slice(at, at + CHUNK).map((r) => Prisma.sql`(${r.id}, ${r.hash})`));
    const guard = onlyMissing ? Prisma.sql`AND "Promoter"."selfServiceTokenHash" IS NULL` : Prisma.empty;
    const returned = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      UPDATE "Promoter" SET "selfServiceTokenHash" = v.column2,
        "selfServiceEnabled" = CASE WHEN "Promoter"."selfServiceTokenHash" IS NULL THEN TRUE ELSE "Promoter"."selfServiceEnabled" END
      FROM (VALUES ${values}) AS v
      WHERE "Promoter"."id" = v.column1 AND "Promoter"."accountId" = ${accountId} ${guard}
      RETURNING "Promoter"."id" AS "id"`);
    for (const r of returned) updated.add(r.id);
  }
  return updated;
}

/**
 * Issues private links for a whole selection in one transaction and returns them (the only time
 * they can be read: the database keeps SHA-256 hashes), oldest promoters first. One audit entry
 * records the counts; the tokens themselves are never logged.
 */
export async function issuePrivateLinks(accountId: string, selection: LinkSelection, mode: IssueMode, actor: Actor): Promise<{ links: IssuedLink[]; created: number; rotated: number; kept: number }> {
  return db().$transaction(async (tx) => {
    const where = selectionWhere(accountId, selection);
    const count = await tx.promoter.count({ where });
    if (count > BULK_LINKS_MAX) throw new TooManyLinksError(count);
    const promoters = await tx.promoter.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, phone: true, selfServiceEnabled: true, selfServiceTokenHash: true, team: { select: { name: true } } },
    });
    const targets = mode === "missing" ? promoters.filter((p) => p.selfServiceTokenHash === null) : promoters;
    const tokens = new Map(targets.map((p) => [p.id, generateSelfServiceToken()]));
    const updated = await writeHashes(tx, accountId, targets.map((p) => ({ id: p.id, hash: hashSelfServiceToken(tokens.get(p.id)!) })), mode === "missing");
    const links: IssuedLink[] = targets
      .filter((p) => updated.has(p.id))
      .map((p) => ({
        promoterId: p.id,
        name: p.name,
        phone: p.phone,
        team: p.team?.name ?? null,
        enabled: p.selfServiceTokenHash === null ? true : p.selfServiceEnabled,
        token: tokens.get(p.id)!,
        rotated: p.selfServiceTokenHash !== null,
      }));
    const rotated = links.filter((l) => l.rotated).length;
    const result = { links, created: links.length - rotated, rotated, kept: promoters.length - links.length };
    await writeAudit(tx, {
      actor: actor.email,
      userId: actor.id,
      action: "selfservice.bulk",
      targetType: "promoter",
      detail: { selection: selection.kind, mode, created: result.created, rotated, kept: result.kept },
    });
    return result;
  }, { timeout: 60_000 });
}
