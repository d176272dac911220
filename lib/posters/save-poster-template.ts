import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { readImageHeader } from "./image-header";
import { codeFits, POSTER_MAX_BYTES, POSTER_MAX_SIDE, POSTER_MIN_SIDE, type Placement } from "./poster-layout";

type Actor = { email: string; id?: string | null };

/** A template that cannot be saved as given; `key` is the dictionary key of posters.errors. */
export class PosterTemplateError extends Error {
  constructor(readonly key: "backgroundRequired" | "notImage" | "tooLarge" | "tooSmall" | "tooBig" | "codeOutside") {
    super(`Poster template rejected: ${key}`);
    this.name = "PosterTemplateError";
  }
}

/** The upload's type and size, when it is a PNG or JPEG within the limits. */
export function checkBackground(bytes: Uint8Array) {
  if (bytes.length > POSTER_MAX_BYTES) throw new PosterTemplateError("tooLarge");
  const info = readImageHeader(bytes);
  if (!info) throw new PosterTemplateError("notImage");
  if (info.width < POSTER_MIN_SIDE || info.height < POSTER_MIN_SIDE) throw new PosterTemplateError("tooSmall");
  if (info.width > POSTER_MAX_SIDE || info.height > POSTER_MAX_SIDE) throw new PosterTemplateError("tooBig");
  return info;
}

/**
 * Saves the account's default poster template: the placement, and the background when a new one is
 * given (a first save needs one). Nothing changes when the image or the placement is refused.
 */
export async function savePosterTemplate(accountId: string, input: { placement: Placement; background?: Uint8Array }, actor: Actor) {
  const image = input.background?.length ? { bytes: input.background, ...checkBackground(input.background) } : null;
  return db().$transaction(async (tx) => {
    const current = await tx.posterTemplate.findFirst({ where: { accountId, isDefault: true }, select: { id: true, width: true, height: true }, orderBy: { updatedAt: "desc" } });
    const size = image ?? current;
    if (!size) throw new PosterTemplateError("backgroundRequired");
    if (!codeFits(input.placement, size.width, size.height)) throw new PosterTemplateError("codeOutside");
    const data = {
      ...input.placement,
      ...(image ? { background: Buffer.from(image.bytes), backgroundType: image.type, width: image.width, height: image.height } : {}),
    };
    const saved = current
      ? await tx.posterTemplate.update({ where: { id: current.id }, data, select: { id: true } })
      : await tx.posterTemplate.create({ data: { ...data, accountId, isDefault: true, background: data.background!, backgroundType: data.backgroundType!, width: data.width!, height: data.height! }, select: { id: true } });
    await writeAudit(tx, {
      actor: actor.email,
      userId: actor.id,
      action: "poster.save",
      targetType: "poster",
      targetId: saved.id,
      detail: { name: input.placement.name, ...(image ? { background: `${image.type} ${image.width}×${image.height}`, bytes: image.bytes.length } : {}) },
    });
    return saved;
  });
}

/** Deletes the account's default template: posters go back to the built-in layout. */
export async function deletePosterTemplate(accountId: string, actor: Actor): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const current = await tx.posterTemplate.findFirst({ where: { accountId, isDefault: true }, select: { id: true } });
    if (!current) return false;
    await tx.posterTemplate.delete({ where: { id: current.id } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "poster.delete", targetType: "poster", targetId: current.id });
    return true;
  });
}
