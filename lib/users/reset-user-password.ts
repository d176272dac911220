import { writeAudit } from "../audit/write-audit";
import { hashPassword } from "../auth/password";
import { clearEmailAttempts } from "../auth/clear-email-attempts";
import { db } from "../db";
import { UserNotFoundError, type UserActor } from "./admin-guard";
import { generateTemporaryPassword } from "./temporary-password";

/**
 * Replaces a user's password with a fresh temporary one, returned this once. The old password stops
 * working at once, every session of the user ends (a new sessionVersion), the user must choose their
 * own password at the next sign-in, and the email's login counters are cleared so they can sign in.
 */
export async function resetUserPassword(userId: string, actor: UserActor) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!target) throw new UserNotFoundError(userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } });
    await clearEmailAttempts(tx, target.email);
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "user.reset-password", targetType: "user", targetId: userId, detail: { email: target.email } });
    return { id: target.id, email: target.email, temporaryPassword };
  });
}
