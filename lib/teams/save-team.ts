import { writeAudit } from "../audit/write-audit";
import { db, isUniqueViolation, type Tx } from "../db";
import { teamSchema } from "./team-schema";

type Actor = { email: string; id?: string | null };

/** A refusal the form shows next to its field: the key is a message under `teams.errors`. */
export class TeamInputError extends Error {
  constructor(readonly field: "name" | "leadId", readonly key: string) {
    super(`${field}: ${key}`);
  }
}

// The lead must be a promoter of this account and lead no other team (taking the lead from another
// team is explicit, not silent); setting one makes them a member of the team.
async function checkLead(tx: Tx, accountId: string, leadId: string | null | undefined, teamId?: string) {
  if (!leadId) return;
  const lead = await tx.promoter.findFirst({ where: { id: leadId, accountId }, select: { id: true } });
  if (!lead) throw new TeamInputError("leadId", "leadUnknown");
  const elsewhere = await tx.team.findFirst({ where: { leadId, ...(teamId ? { id: { not: teamId } } : {}) }, select: { id: true } });
  if (elsewhere) throw new TeamInputError("leadId", "leadTaken");
}

async function joinLead(tx: Tx, teamId: string, leadId: string | null | undefined) {
  if (leadId) await tx.promoter.update({ where: { id: leadId }, data: { teamId } });
}

/** Creates a team (name unique per account, optionally a lead, who joins it). */
export async function createTeam(accountId: string, input: unknown, actor: Actor) {
  const data = teamSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      await checkLead(tx, accountId, data.leadId);
      const team = await tx.team.create({ data: { accountId, name: data.name, leadId: data.leadId ?? null } });
      await joinLead(tx, team.id, data.leadId);
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "team.create", targetType: "team", targetId: team.id, detail: data });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new TeamInputError("name", "nameTaken");
    throw error;
  }
}

/** Renames a team and sets or clears its lead. */
export async function updateTeam(accountId: string, id: string, input: unknown, actor: Actor) {
  const data = teamSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      await checkLead(tx, accountId, data.leadId, id);
      const team = await tx.team.update({ where: { id, accountId }, data: { name: data.name, leadId: data.leadId ?? null } });
      await joinLead(tx, team.id, data.leadId);
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "team.update", targetType: "team", targetId: id, detail: data });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new TeamInputError("name", "nameTaken");
    throw error;
  }
}

/** Deletes a team; its members stay, without a team. Their follows and counts are untouched. */
export async function deleteTeam(accountId: string, id: string, actor: Actor) {
  await db().$transaction(async (tx) => {
    const team = await tx.team.findFirstOrThrow({ where: { id, accountId }, select: { name: true } });
    await tx.promoter.updateMany({ where: { accountId, teamId: id }, data: { teamId: null } });
    await tx.team.delete({ where: { id } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "team.delete", targetType: "team", targetId: id, detail: { name: team.name } });
  });
}
