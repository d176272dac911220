"use server";

import { z } from "zod";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { requestOrigin } from "@/lib/request-origin";
import { BULK_LINKS_MAX, issuePrivateLinks, TooManyLinksError } from "@/lib/self-service/issue-private-links";
import { countLinkSelection, resolveLinkSelection, UnknownSelectionError } from "@/lib/self-service/link-selection";
import { privateLinksFile } from "@/lib/self-service/private-links-file";
import { dayOf } from "@/lib/stats/day";

const id = z.string().regex(/^[\w-]{1,64}$/);
const selectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("selected"), ids: z.array(id).min(1).max(5000) }),
  z.object({ kind: z.literal("team"), teamId: id }),
  z.object({ kind: z.literal("campaign"), campaignId: id }),
]);
const exportSchema = z.object({ selection: selectionSchema, mode: z.enum(["all", "missing"]), format: z.enum(["csv", "xlsx"]) });

export type LinksCounts = { ok: true; total: number; withLink: number; withoutLink: number } | { ok: false; message: string };
export type LinksExport = { ok: true; fileName: string; mime: string; base64: string; count: number; created: number; rotated: number } | { ok: false; message: string };

async function scope() {
  const actor = await requireUser("write");
  const [{ account }, { t }] = await Promise.all([getActiveAccount(), getDictionary()]);
  if (!account) throw new Error("No Official Account is connected");
  return { actor, accountId: account.id, timeZone: account.timezone, t };
}

/** How many promoters the chosen scope holds, with and without a link: the confirmation's numbers. */
export async function countPrivateLinksAction(input: unknown): Promise<LinksCounts> {
  const { accountId, t } = await scope();
  const parsed = selectionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: t.errors.generic };
  try {
    return { ok: true, ...(await countLinkSelection(accountId, await resolveLinkSelection(accountId, parsed.data))) };
  } catch (error) {
    if (error instanceof UnknownSelectionError) return { ok: false, message: error.kind === "team" ? t.links.unknownTeam : t.links.unknownCampaign };
    throw error;
  }
}

// The only answer that ever carries these links, to the admin who issued them: the database keeps hashes.
export async function exportPrivateLinksAction(input: unknown): Promise<LinksExport> {
  const { actor, accountId, timeZone, t } = await scope();
  const parsed = exportSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: t.errors.generic };
  try {
    const selection = await resolveLinkSelection(accountId, parsed.data.selection);
    const issued = await issuePrivateLinks(accountId, selection, parsed.data.mode, actor);
    const file = await privateLinksFile(issued.links, await requestOrigin(), parsed.data.format, t, dayOf(new Date(), timeZone));
    return { ok: true, fileName: file.fileName, mime: file.mime, base64: file.data.toString("base64"), count: issued.links.length, created: issued.created, rotated: issued.rotated };
  } catch (error) {
    if (error instanceof UnknownSelectionError) return { ok: false, message: error.kind === "team" ? t.links.unknownTeam : t.links.unknownCampaign };
    if (error instanceof TooManyLinksError) return { ok: false, message: format(t.links.tooMany, { count: error.count, max: BULK_LINKS_MAX }) };
    throw error;
  }
}
