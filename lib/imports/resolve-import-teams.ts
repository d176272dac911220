import { writeAudit } from "../audit/write-audit";
import { db, isUniqueViolation } from "../db";

type Actor = { email: string; id?: string | null };

const distinct = (names: (string | null)[]) => [...new Set(names.filter((n): n is string => Boolean(n)))];

/** The account's teams among these names (matched exactly, as the team form stores them): name → id. */
export async function findImportTeams(accountId: string, names: (string | null)[]): Promise<Map<string, string>> {
  const wanted = distinct(names);
  if (!wanted.length) return new Map();
  const teams = await db().team.findMany({ where: { accountId, name: { in: wanted } }, select: { id: true, name: true } });
  return new Map(teams.map((t) => [t.name, t.id]));
}

/** Names an import would create as new teams, in the order they first appear. */
export async function newImportTeams(accountId: string, names: (string | null)[]): Promise<string[]> {
  const existing = await findImportTeams(accountId, names);
  return distinct(names).filter((n) => !existing.has(n));
}

/**
 * The teams an import chunk names, creating the missing ones (audited as created by the import).
 * Two chunks racing to create the same team both end up with the one that won the unique index.
 */
export async function ensureImportTeams(accountId: string, names: (string | null)[], actor: Actor): Promise<Map<string, string>> {
  const teams = await findImportTeams(accountId, names);
  for (const name of distinct(names)) {
    if (teams.has(name)) continue;
    try {
      const team = await db().$transaction(async (tx) => {
        const created = await tx.team.create({ data: { accountId, name }, select: { id: true } });
        await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "team.create", targetType: "team", targetId: created.id, detail: { name, source: "import" } });
        return created;
      });
      teams.set(name, team.id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await db().team.findFirst({ where: { accountId, name }, select: { id: true } });
      if (!winner) throw error;
      teams.set(name, winner.id);
    }
  }
  return teams;
}
