import { db } from "../db";

/** Every dashboard user, oldest first, without password hashes. */
export function listUsers() {
  return db().user.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, email: true, name: true, role: true, disabledAt: true, lastLoginAt: true, createdAt: true, allAccounts: true,
      accounts: { select: { accountId: true } },
    },
  });
}

export type UserSummary = Awaited<ReturnType<typeof listUsers>>[number];

/** Ids of users whose admin rights may not be removed: the only active admin with every account, if there is just one. */
export function protectedAdminIds(users: Pick<UserSummary, "id" | "role" | "disabledAt" | "allAccounts">[]): Set<string> {
  const activeAdmins = users.filter((u) => u.role === "admin" && !u.disabledAt && u.allAccounts);
  return new Set(activeAdmins.length === 1 ? [activeAdmins[0].id] : []);
}
