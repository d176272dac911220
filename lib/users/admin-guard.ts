import type { Tx } from "../db";

export type UserActor = { id: string; email: string };

export class UserNotFoundError extends Error {
  constructor(id: string) {
    super(`No user with id ${id}`);
    this.name = "UserNotFoundError";
  }
}

/** An admin may not disable, demote or limit themselves (they would lock themselves out mid-session). */
export class SelfChangeError extends Error {
  constructor() {
    super("You cannot disable, demote or limit yourself");
    this.name = "SelfChangeError";
  }
}

/**
 * Scenecode always keeps at least one active admin with access to every account, or nobody could
 * manage users again.
 */
export class LastAdminError extends Error {
  constructor() {
    super("The last active admin with access to every account cannot be disabled, demoted or limited");
    this.name = "LastAdminError";
  }
}

const LOCK_KEY = "users.admin-guard";

/**
 * Inside the caller's transaction: serializes user changes, loads the target, and refuses a change
 * that removes admin rights from the actor or from the last active admin. Writing the lock row first
 * takes a row lock (PostgreSQL) or the write lock (SQLite), so two admins demoting each other at the
 * same moment are checked one after the other, never both against the old state.
 */
export async function guardUserChange(tx: Tx, userId: string, actor: UserActor, removesAdmin: boolean) {
  const now = new Date().toISOString();
  await tx.setting.upsert({ where: { key: LOCK_KEY }, create: { key: LOCK_KEY, value: now }, update: { value: now } });
  const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabledAt: true, allAccounts: true } });
  if (!target) throw new UserNotFoundError(userId);
  if (removesAdmin && target.id === actor.id) throw new SelfChangeError();
  if (removesAdmin && target.role === "admin" && !target.disabledAt && target.allAccounts) {
    const otherAdmins = await tx.user.count({ where: { role: "admin", disabledAt: null, allAccounts: true, id: { not: target.id } } });
    if (otherAdmins === 0) throw new LastAdminError();
  }
  return target;
}
