import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { fenToYuan, MAX_PRICE_FEN, parseYuan } from "./money";
import { priceKey } from "./resolve-price";
import { SettlementError } from "./settlement-error";

export type Actor = { email: string; id?: string | null };

export const priceInput = z.object({
  scope: z.enum(["account", "team", "campaign"]),
  targetId: z.string().max(64).optional().default(""),
  price: z.string().max(20),
});

/** Sets (or replaces) a price per qualified follow for the account, one of its teams or one of its campaigns. */
export async function setPrice(accountId: string, input: unknown, actor: Actor) {
  const { scope, targetId, price } = priceInput.parse(input);
  const priceFen = parseYuan(price);
  if (priceFen === null) throw new SettlementError("priceInvalid");
  if (priceFen > MAX_PRICE_FEN) throw new SettlementError("priceTooHigh", { max: fenToYuan(MAX_PRICE_FEN) });
  return db().$transaction(async (tx) => {
    if (scope === "team" && !(await tx.team.findFirst({ where: { id: targetId, accountId }, select: { id: true } }))) throw new SettlementError("noSuchTeam");
    if (scope === "campaign" && !(await tx.campaign.findFirst({ where: { id: targetId, accountId }, select: { id: true } }))) throw new SettlementError("noSuchCampaign");
    const key = priceKey(scope, targetId);
    const target = { teamId: scope === "team" ? targetId : null, campaignId: scope === "campaign" ? targetId : null };
    const row = await tx.settlementPrice.upsert({
      where: { accountId_key: { accountId, key } },
      create: { accountId, key, priceFen, ...target },
      update: { priceFen },
    });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "settlement.price.set", targetType: "settlementPrice", targetId: row.id, detail: { key, price: fenToYuan(priceFen) } });
    return row;
  });
}

/** Removes a price: its follows fall back to the next one in the precedence (team, then account). */
export async function deletePrice(accountId: string, id: string, actor: Actor) {
  await db().$transaction(async (tx) => {
    const row = await tx.settlementPrice.findFirstOrThrow({ where: { id, accountId } });
    await tx.settlementPrice.delete({ where: { id } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "settlement.price.delete", targetType: "settlementPrice", targetId: id, detail: { key: row.key, price: fenToYuan(row.priceFen) } });
  });
}

export type PriceRow = { id: string; scope: "account" | "team" | "campaign"; name: string | null; priceFen: number };

/** The account's prices: the default first, then teams and campaigns by name. */
export async function listPrices(accountId: string): Promise<PriceRow[]> {
  const rows = await db().settlementPrice.findMany({
    where: { accountId },
    select: { id: true, key: true, priceFen: true, team: { select: { name: true } }, campaign: { select: { name: true } } },
  });
  const order = { account: 0, team: 1, campaign: 2 };
  return rows
    .map((r) => ({ id: r.id, scope: r.key === "account" ? "account" : r.team ? "team" : "campaign", name: r.team?.name ?? r.campaign?.name ?? null, priceFen: r.priceFen }) as PriceRow)
    .sort((a, b) => order[a.scope] - order[b.scope] || (a.name ?? "").localeCompare(b.name ?? ""));
}
