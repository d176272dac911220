import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { promoterSchema } from "./promoter-schema";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";

type Actor = { email: string; id?: string | null };

export async function updatePromoter(accountId: string, id: string, input: unknown, actor: Actor) {
  const data = promoterSchema.parse(input);
  const updated = await db().$transaction(async (tx) => {
    const promoter = await tx.promoter.update({ where: { id, accountId }, data: { name: data.name, phone: data.phone ?? null, note: data.note ?? null, welcomeText: data.welcomeText ?? null } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "promoter.update", targetType: "promoter", targetId: id, detail: data });
    return promoter;
  });
  forgetCallbackCaches(); // the welcome reply names the promoter
  return updated;
}

/** Deactivating hides a promoter from new work; its code keeps attributing (WeChat codes cannot be revoked). */
export async function setPromoterActive(accountId: string, id: string, active: boolean, actor: Actor) {
  return db().$transaction(async (tx) => {
    const promoter = await tx.promoter.update({ where: { id, accountId }, data: { active } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: active ? "promoter.activate" : "promoter.deactivate", targetType: "promoter", targetId: id });
    return promoter;
  });
}
