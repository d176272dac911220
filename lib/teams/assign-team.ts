import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { TeamInputError } from "./save-team";

type Actor = { email: string; id?: string | null };

/**
 * Puts promoters of the account into a team, or takes them out of theirs (teamId null). A lead who
 * leaves their team stops being its lead. Promoters of other accounts are never touched.
 */
export async function assignTeam(accountId: string, promoterIds: string[], teamId: string | null, actor: Actor) {
  return db().$transaction(async (tx) => {
    if (teamId && !(await tx.team.findFirst({ where: { id: teamId, accountId }, select: { id: true } }))) throw new TeamInputError("name", "teamUnknown");
    const { count } = await tx.promoter.updateMany({ where: { accountId, id: { in: promoterIds } }, data: { teamId } });
    await tx.team.updateMany({ where: { accountId, leadId: { in: promoterIds }, ...(teamId ? { id: { not: teamId } } : {}) }, data: { leadId: null } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: teamId ? "team.assign" : "team.unassign", targetType: "team", targetId: teamId ?? undefined, detail: { promoters: count } });
    return count;
  });
}
