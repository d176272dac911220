import { db } from "../db";
import { customSendHint } from "./custom-send-hint";

export const HISTORY_SHOWN = 100;

const SELECT = { id: true, openid: true, name: true, status: true, auto: true, promoterId: true, decidedBy: true, decidedAt: true, sentAt: true, sendErrcode: true, sendError: true, createdAt: true } as const;

/** The applications page: every pending application (oldest first) and the latest decided ones. */
export async function listApplications(accountId: string) {
  const [pending, history] = await Promise.all([
    db().promoterApplication.findMany({ where: { accountId, status: { in: ["pending", "approving"] } }, orderBy: { createdAt: "asc" }, select: SELECT }),
    db().promoterApplication.findMany({ where: { accountId, status: { in: ["approved", "rejected"] } }, orderBy: { createdAt: "desc" }, take: HISTORY_SHOWN, select: SELECT }),
  ]);
  const withHint = <T extends { sendErrcode: number | null; sendError: string | null }>(a: T) => ({ ...a, sendHint: a.sendErrcode === null ? null : customSendHint(a.sendErrcode, a.sendError ?? "") });
  return { pending: pending.map(withHint), history: history.map(withHint) };
}

export type ApplicationRow = Awaited<ReturnType<typeof listApplications>>["pending"][number];
