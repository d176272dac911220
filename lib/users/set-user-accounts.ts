import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { guardUserChange, type UserActor } from "./admin-guard";

// Messages are keys of t.admin.users.errors.
const accountsSchema = z.discriminatedUnion("allAccounts", [
  z.object({ allAccounts: z.literal(true) }),
  z.object({ allAccounts: z.literal(false), accountIds: z.array(z.string().min(1).max(64)).min(1, "accountsRequired").max(500) }),
]);

export class UnknownAccountsError extends Error {
  constructor() {
    super("Some of the chosen accounts do not exist");
    this.name = "UnknownAccountsError";
  }
}

/**
 * Limits a user to some Official Accounts, or gives them all of them again. Limiting an admin takes
 * away user management (it could lift the limit), so the admin guard applies: not oneself, and not
 * the last admin with every account. Takes effect on the user's next request.
 */
export async function setUserAccounts(userId: string, input: unknown, actor: UserActor) {
  const data = accountsSchema.parse(input);
  const accountIds = data.allAccounts ? [] : [...new Set(data.accountIds)];
  return db().$transaction(async (tx) => {
    const target = await guardUserChange(tx, userId, actor, !data.allAccounts);
    if (accountIds.length && (await tx.account.count({ where: { id: { in: accountIds } } })) !== accountIds.length) throw new UnknownAccountsError();
    await tx.userAccount.deleteMany({ where: { userId } });
    if (accountIds.length) await tx.userAccount.createMany({ data: accountIds.map((accountId) => ({ userId, accountId })) });
    await tx.user.update({ where: { id: userId }, data: { allAccounts: data.allAccounts } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "user.accounts", targetType: "user", targetId: userId, detail: { email: target.email, allAccounts: data.allAccounts, accountIds } });
    return { id: userId, allAccounts: data.allAccounts, accountIds };
  });
}
