import { db } from "../db";

// before: keyset paging — only promoters older than this (createdAt, id), in the list's order.
export type PromoterFilter = { q?: string; includeInactive?: boolean; take?: number; skip?: number; before?: { createdAt: Date; id: string } };

const QR_SELECT = { id: true, kind: true, sceneId: true, sceneKey: true, url: true, status: true, lastErrorCode: true, lastErrorMsg: true, expiresAt: true } as const;

/** Promoters of an account, newest first, optionally filtered by a search over name, phone and scene. */
export async function listPromoters(accountId: string, { q, includeInactive = true, take = 50, skip = 0, before }: PromoterFilter = {}) {
  const term = q?.trim();
  const where = {
    accountId,
    ...(includeInactive ? {} : { active: true }),
    ...(term ? { OR: [{ name: { contains: term } }, { phone: { contains: term } }, { qrCodes: { some: { sceneKey: term } } }] } : {}),
  };
  const page = before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {};
  const [rows, total] = await Promise.all([
    db().promoter.findMany({
      where: { AND: [where, page] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      skip,
      include: { qrCodes: { select: QR_SELECT, orderBy: { createdAt: "asc" }, take: 1 } },
    }),
    db().promoter.count({ where }),
  ]);
  return { total, promoters: rows.map(({ qrCodes, ...p }) => ({ ...p, qrCode: qrCodes[0] ?? null })) };
}

export type PromoterRow = Awaited<ReturnType<typeof listPromoters>>["promoters"][number];

/** One promoter of the account with its first (permanent) code, or null. */
export async function getPromoter(accountId: string, id: string) {
  const row = await db().promoter.findFirst({
    where: { id, accountId },
    omit: { selfServiceTokenHash: false },
    include: { qrCodes: { select: QR_SELECT, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  if (!row) return null;
  // Only whether a private link exists leaves here: the stored hash stays on the server.
  const { qrCodes, selfServiceTokenHash, ...promoter } = row;
  return { ...promoter, hasSelfServiceLink: selfServiceTokenHash !== null, qrCode: qrCodes[0] ?? null };
}
