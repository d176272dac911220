import { db } from "../db";
import { layoutOf, type Align, type Placement, type PosterLayout } from "./poster-layout";

const COLUMNS = {
  id: true, name: true, width: true, height: true, backgroundType: true, updatedAt: true,
  codeX: true, codeY: true, codeSize: true,
  nameX: true, nameY: true, nameSize: true, nameColor: true, nameAlign: true,
  text: true, textX: true, textY: true, textSize: true, textColor: true, textAlign: true,
} as const;

export type PosterTemplateView = { id: string; name: string; version: string; placement: Placement; layout: PosterLayout };

/**
 * The account's default poster template without its image (the image has its own routes), or
 * null when the account has none. `version` changes with every save, for cache-busting image URLs.
 */
export async function getPosterTemplate(accountId: string): Promise<PosterTemplateView | null> {
  const row = await db().posterTemplate.findFirst({ where: { accountId, isDefault: true }, select: COLUMNS, orderBy: { updatedAt: "desc" } });
  if (!row) return null;
  const placement: Placement = { ...row, nameAlign: row.nameAlign as Align, textAlign: row.textAlign as Align };
  return { id: row.id, name: row.name, version: String(row.updatedAt.getTime()), placement, layout: layoutOf({ ...placement, width: row.width, height: row.height }) };
}

/** The default template's background image bytes, for the routes that serve it. */
export async function getPosterBackground(accountId: string) {
  const row = await db().posterTemplate.findFirst({ where: { accountId, isDefault: true }, select: { background: true, backgroundType: true }, orderBy: { updatedAt: "desc" } });
  return row ? { data: new Uint8Array(row.background), type: row.backgroundType } : null;
}
