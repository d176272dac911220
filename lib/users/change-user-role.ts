import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { ROLES } from "../auth/roles";
import { db } from "../db";
import { guardUserChange, type UserActor } from "./admin-guard";

const roleSchema = z.enum(ROLES);

/** Sets a user's role; refuses self-demotion and demoting the last active admin. */
export async function changeUserRole(userId: string, role: unknown, actor: UserActor) {
  const next = roleSchema.parse(role);
  return db().$transaction(async (tx) => {
    const target = await guardUserChange(tx, userId, actor, next !== "admin");
    if (target.role === next) return { id: target.id, role: next, changed: false };
    await tx.user.update({ where: { id: userId }, data: { role: next } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "user.role", targetType: "user", targetId: userId, detail: { email: target.email, from: target.role, to: next } });
    return { id: target.id, role: next, changed: true };
  });
}
