import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { promoterNameSchema, promoterSchema } from "../promoters/promoter-schema";

/** The body of PATCH /api/v1/promoters/{id}: only the fields sent change; null or "" clears a text. */
export const promoterPatchBody = z
  .strictObject({
    name: promoterNameSchema.optional(),
    phone: promoterSchema.shape.phone,
    note: promoterSchema.shape.note,
    welcomeText: promoterSchema.shape.welcomeText,
    active: z.boolean().optional().meta({ description: "false deactivates: hidden from new work; its codes keep attributing (WeChat codes cannot be revoked)" }),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "send at least one of name, phone, note, welcomeText, active");

/** Applies a partial update in one transaction, audited; P2025 (404) for a promoter not of this account. */
export async function patchApiPromoter(accountId: string, id: string, input: unknown, actor: { email: string }) {
  const patch = promoterPatchBody.parse(input);
  const data = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  await db().$transaction(async (tx) => {
    const before = await tx.promoter.findFirstOrThrow({ where: { id, accountId }, select: { active: true } });
    await tx.promoter.update({ where: { id, accountId }, data });
    const { active, ...fields } = data;
    if (Object.keys(fields).length) await writeAudit(tx, { actor: actor.email, action: "promoter.update", targetType: "promoter", targetId: id, detail: fields });
    if (active !== undefined && active !== before.active) {
      await writeAudit(tx, { actor: actor.email, action: active ? "promoter.activate" : "promoter.deactivate", targetType: "promoter", targetId: id });
    }
  });
  forgetCallbackCaches(); // the welcome reply names the promoter
}
