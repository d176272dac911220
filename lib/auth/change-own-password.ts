import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordSchema } from "./schemas";
import { claimAttempt, THROTTLE } from "./throttle";

/** The current password given was wrong (or too many wrong tries: a stolen session cannot guess it). */
export class WrongPasswordError extends Error {
  constructor(readonly retryAfterMs?: number) {
    super("The current password is not correct");
    this.name = "WrongPasswordError";
  }
}

/**
 * A signed-in user replaces their own password (also how a temporary password is retired). Needs
 * the current password; ends every other session (a new sessionVersion), so the caller signs the
 * user in again with the new password.
 */
export async function changeOwnPassword(userId: string, input: unknown, now = new Date()) {
  const data = changePasswordSchema.parse(input);
  const store = db();
  const claim = await claimAttempt(store, `password-change:${userId}`, THROTTLE.freePerPair, now);
  if (!claim.ok) throw new WrongPasswordError(claim.retryAfterMs);
  const user = await store.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) throw new WrongPasswordError();
  const passwordHash = await hashPassword(data.password);
  return store.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, sessionVersion: true },
    });
    await tx.loginThrottle.deleteMany({ where: { key: `password-change:${userId}` } });
    await writeAudit(tx, { actor: user.email, userId, action: "user.change-password", targetType: "user", targetId: userId, detail: { email: user.email } });
    return updated;
  });
}
