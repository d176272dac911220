import { db } from "../db";

/**
 * Which promoters a bulk private-link export covers, as the promoter list's other bulk actions
 * choose them: every active promoter, the ticked ones, a team's members or a campaign's promoters.
 * Inactive promoters are never included: their private page does not open.
 */
export type LinkSelection =
  | { kind: "all" }
  | { kind: "selected"; ids: string[] }
  | { kind: "team"; teamId: string }
  | { kind: "campaign"; campaignId: string };

export function selectionWhere(accountId: string, selection: LinkSelection) {
  const base = { accountId, active: true };
  switch (selection.kind) {
    case "all":
      return base;
    case "selected":
      return { ...base, id: { in: selection.ids } };
    case "team":
      return { ...base, teamId: selection.teamId };
    case "campaign":
      return { ...base, qrCodes: { some: { campaigns: { some: { campaignId: selection.campaignId, campaign: { accountId } } } } } };
  }
}

/** How many promoters the selection holds, and how many of them already have a link (to be replaced). */
export async function countLinkSelection(accountId: string, selection: LinkSelection) {
  const where = selectionWhere(accountId, selection);
  const [total, withLink] = await Promise.all([
    db().promoter.count({ where }),
    db().promoter.count({ where: { ...where, selfServiceTokenHash: { not: null } } }),
  ]);
  return { total, withLink, withoutLink: total - withLink };
}

export class UnknownSelectionError extends Error {
  constructor(readonly kind: "team" | "campaign") {
    super(`No such ${kind} in this account`);
    this.name = "UnknownSelectionError";
  }
}

/** The selection as given, once its team or campaign is known to belong to the account. */
export async function resolveLinkSelection(accountId: string, selection: LinkSelection): Promise<LinkSelection> {
  if (selection.kind === "team" && !(await db().team.findFirst({ where: { id: selection.teamId, accountId }, select: { id: true } }))) throw new UnknownSelectionError("team");
  if (selection.kind === "campaign" && !(await db().campaign.findFirst({ where: { id: selection.campaignId, accountId }, select: { id: true } }))) throw new UnknownSelectionError("campaign");
  return selection;
}
