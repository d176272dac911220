import { writeAudit } from "../audit/write-audit";
import { db, type Tx } from "../db";
import { generateSelfServiceToken } from "./self-service-token";

type Actor = { email: string; id?: string | null };

export class PromoterNotFoundError extends Error {
  constructor(id: string) {
    super(`No promoter with id ${id} in this account`);
    this.name = "PromoterNotFoundError";
  }
}

const SELECT = { id: true, selfServiceToken: true, selfServiceEnabled: true } as const;

async function load(tx: Tx, accountId: string, promoterId: string) {
  const promoter = await tx.promoter.findFirst({ where: { id: promoterId, accountId }, select: SELECT });
  if (!promoter) throw new PromoterNotFoundError(promoterId);
  return promoter;
}

const audit = (tx: Tx, actor: Actor, action: string, promoterId: string) =>
  writeAudit(tx, { actor: actor.email, userId: actor.id, action, targetType: "promoter", targetId: promoterId });

/** The promoter's private link token, created (and enabled) on first use; concurrent calls share one. */
export async function ensureSelfServiceLink(accountId: string, promoterId: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const promoter = await load(tx, accountId, promoterId);
    if (promoter.selfServiceToken) return promoter;
    const token = generateSelfServiceToken();
    const { count } = await tx.promoter.updateMany({ where: { id: promoterId, accountId, selfServiceToken: null }, data: { selfServiceToken: token, selfServiceEnabled: true } });
    if (count === 0) return load(tx, accountId, promoterId);
    await audit(tx, actor, "selfservice.create", promoterId);
    return { id: promoterId, selfServiceToken: token, selfServiceEnabled: true };
  });
}

/** Replaces the token: the old link stops working at once. */
export async function rotateSelfServiceLink(accountId: string, promoterId: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    await load(tx, accountId, promoterId);
    const promoter = await tx.promoter.update({ where: { id: promoterId }, data: { selfServiceToken: generateSelfServiceToken() }, select: SELECT });
    await audit(tx, actor, "selfservice.rotate", promoterId);
    return promoter;
  });
}

/** Turns the private page off or back on, keeping the same link. */
export async function setSelfServiceEnabled(accountId: string, promoterId: string, enabled: boolean, actor: Actor) {
  return db().$transaction(async (tx) => {
    const current = await load(tx, accountId, promoterId);
    if (current.selfServiceEnabled === enabled) return current;
    const promoter = await tx.promoter.update({ where: { id: promoterId }, data: { selfServiceEnabled: enabled }, select: SELECT });
    await audit(tx, actor, enabled ? "selfservice.enable" : "selfservice.disable", promoterId);
    return promoter;
  });
}
