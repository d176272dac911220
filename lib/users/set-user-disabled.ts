import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { guardUserChange, type UserActor } from "./admin-guard";

/**
 * Disables or re-enables a user. A disabled user cannot sign in, and their open session stops
 * working on the next request (requireUser re-reads the user every time).
 */
export async function setUserDisabled(userId: string, disabled: boolean, actor: UserActor) {
  return db().$transaction(async (tx) => {
    const target = await guardUserChange(tx, userId, actor, disabled);
    if (Boolean(target.disabledAt) === disabled) return { id: target.id, disabled, changed: false };
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: disabled ? "user.disable" : "user.enable", targetType: "user", targetId: userId, detail: { email: target.email } });
    return { id: target.id, disabled, changed: true };
  });
}
