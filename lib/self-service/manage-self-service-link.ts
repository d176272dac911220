import { writeAudit } from "../audit/write-audit";
import { db, type Tx } from "../db";
import { generateSelfServiceToken, hashSelfServiceToken } from "./self-service-token";

type Actor = { email: string; id?: string | null };

export class PromoterNotFoundError extends Error {
  constructor(id: string) {
    super(`No promoter with id ${id} in this account`);
    this.name = "PromoterNotFoundError";
  }
}

/**
 * A private link's state. Only the token's hash is stored, so `token` is there once: in the answer
 * of the call that created or replaced it (the admin copies it then); afterwards it is null.
 */
export type SelfServiceLink = { id: string; hasLink: boolean; selfServiceEnabled: boolean; token: string | null };

const SELECT = { id: true, selfServiceTokenHash: true, selfServiceEnabled: true } as const;

async function load(tx: Tx, accountId: string, promoterId: string) {
  const promoter = await tx.promoter.findFirst({ where: { id: promoterId, accountId }, select: SELECT });
  if (!promoter) throw new PromoterNotFoundError(promoterId);
  return promoter;
}

const state = (p: { id: string; selfServiceTokenHash: string | null; selfServiceEnabled: boolean }, token: string | null = null): SelfServiceLink =>
  ({ id: p.id, hasLink: p.selfServiceTokenHash !== null, selfServiceEnabled: p.selfServiceEnabled, token });

const audit = (tx: Tx, actor: Actor, action: string, promoterId: string) =>
  writeAudit(tx, { actor: actor.email, userId: actor.id, action, targetType: "promoter", targetId: promoterId });

/** Creates (and enables) the promoter's private link when it has none; concurrent calls create one, and only that call sees the token. */
export async function ensureSelfServiceLink(accountId: string, promoterId: string, actor: Actor): Promise<SelfServiceLink> {
  return db().$transaction(async (tx) => {
    const promoter = await load(tx, accountId, promoterId);
    if (promoter.selfServiceTokenHash) return state(promoter);
    const token = generateSelfServiceToken();
    const data = { selfServiceTokenHash: hashSelfServiceToken(token), selfServiceEnabled: true };
    const { count } = await tx.promoter.updateMany({ where: { id: promoterId, accountId, selfServiceTokenHash: null }, data });
    if (count === 0) return state(await load(tx, accountId, promoterId));
    await audit(tx, actor, "selfservice.create", promoterId);
    return state({ id: promoterId, ...data }, token);
  });
}

/** Replaces the token: the old link stops working at once; the answer carries the new one. */
export async function rotateSelfServiceLink(accountId: string, promoterId: string, actor: Actor): Promise<SelfServiceLink> {
  return db().$transaction(async (tx) => {
    await load(tx, accountId, promoterId);
    const token = generateSelfServiceToken();
    const promoter = await tx.promoter.update({ where: { id: promoterId }, data: { selfServiceTokenHash: hashSelfServiceToken(token) }, select: SELECT });
    await audit(tx, actor, "selfservice.rotate", promoterId);
    return state(promoter, token);
  });
}

/** Turns the private page off or back on, keeping the same link. */
export async function setSelfServiceEnabled(accountId: string, promoterId: string, enabled: boolean, actor: Actor): Promise<SelfServiceLink> {
  return db().$transaction(async (tx) => {
    const current = await load(tx, accountId, promoterId);
    if (current.selfServiceEnabled === enabled) return state(current);
    const promoter = await tx.promoter.update({ where: { id: promoterId }, data: { selfServiceEnabled: enabled }, select: SELECT });
    await audit(tx, actor, enabled ? "selfservice.enable" : "selfservice.disable", promoterId);
    return state(promoter);
  });
}
