"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { parseIdList } from "@/lib/batch/parse-id-list";
import { assignTeam } from "@/lib/teams/assign-team";
import { createTeam, deleteTeam, TeamInputError, updateTeam } from "@/lib/teams/save-team";
import { teamIdSchema } from "@/lib/teams/team-schema";

export type TeamFormResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

function formError(error: unknown): TeamFormResult {
  if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
  if (error instanceof TeamInputError) return { ok: false, errors: { [error.field]: error.key } };
  throw error;
}

function refresh() {
  revalidatePath("/teams", "layout");
  revalidatePath("/promoters", "layout");
}

export async function createTeamAction(form: FormData): Promise<TeamFormResult> {
  const user = await requireUser("write");
  try {
    const team = await createTeam(await requireActiveAccountId(), Object.fromEntries(form), user);
    refresh();
    return { ok: true, id: team.id };
  } catch (error) {
    return formError(error);
  }
}

export async function updateTeamAction(id: string, form: FormData): Promise<TeamFormResult> {
  const user = await requireUser("write");
  try {
    await updateTeam(await requireActiveAccountId(), id, Object.fromEntries(form), user);
    refresh();
    return { ok: true, id };
  } catch (error) {
    return formError(error);
  }
}

export async function deleteTeamAction(id: string): Promise<void> {
  const user = await requireUser("write");
  await deleteTeam(await requireActiveAccountId(), id, user);
  refresh();
}

/** Puts the promoters (form field `promoterIds`, one or more) into a team, or out of theirs with an empty `teamId`. */
export async function assignTeamAction(form: FormData): Promise<TeamFormResult> {
  const user = await requireUser("write");
  try {
    const teamId = teamIdSchema.parse(form.get("teamId") ?? "") ?? null;
    const ids = parseIdList(form.getAll("promoterIds").map(String)) ?? [];
    if (!ids.length) return { ok: false, errors: { promoterIds: "nonePicked" } };
    await assignTeam(await requireActiveAccountId(), ids, teamId, user);
    refresh();
    return { ok: true, id: teamId ?? "" };
  } catch (error) {
    return formError(error);
  }
}
