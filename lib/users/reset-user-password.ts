import { writeAudit } from "../audit/write-audit";
import { hashPassword } from "../auth/password";
import { clearFailures, throttleKeys } from "../auth/throttle";
import { db } from "../db";
import { UserNotFoundError, type UserActor } from "./admin-guard";
import { generateTemporaryPassword } from "./temporary-password";

/**
 * Replaces a user's password with a fresh temporary one, returned this once. The old password stops
 * working at once, and a login lock on the email is lifted so the user can sign in with the new one.
 */
export async function resetUserPassword(userId: string, actor: UserActor) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!target) throw new UserNotFoundError(userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await clearFailures(tx, throttleKeys(target.email, null).email);
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "user.reset-password", targetType: "user", targetId: userId, detail: { email: target.email } });
    return { id: target.id, email: target.email, temporaryPassword };
  });
}
