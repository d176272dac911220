import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { UserNotFoundError, type UserActor } from "./admin-guard";

/**
 * Ends every session of a user, on every device: the new sessionVersion no longer matches the one
 * their session tokens carry (checked on each request). The user signs in again with their password.
 */
export async function signOutEverywhere(userId: string, actor: UserActor) {
  return db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!target) throw new UserNotFoundError(userId);
    const { sessionVersion } = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "user.sign-out-everywhere", targetType: "user", targetId: userId, detail: { email: target.email } });
    return { id: target.id, sessionVersion };
  });
}
