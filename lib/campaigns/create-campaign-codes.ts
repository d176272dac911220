import { writeAudit } from "../audit/write-audit";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { db } from "../db";
import { issueQrCode } from "../promoters/issue-qrcode";
import { insertQrCode } from "../promoters/add-qrcode";
import { qrErrorHint } from "../promoters/qr-error-hint";
import type { WechatErrorHint } from "../wechat/wechat-error";
import { temporaryExpiry } from "./campaign-window";
import { CampaignInputError } from "./check-overlap";
import { campaignOf, enrolTargetSchema, targetPromoters } from "./enrol-codes";
import type { Actor } from "./save-campaign";

// qrcode/create calls per run; a bigger target is finished by running again (done promoters are skipped).
export const TEMPORARY_CODES_PER_RUN = 200;

export type CampaignCodeFailure = { promoterId: string; name: string; errcode: number | null; errmsg: string; hint: WechatErrorHint };
export type CampaignCodesResult = { created: number; skipped: number; remaining: number; failures: CampaignCodeFailure[] };

/**
 * Makes one temporary code (QR_SCENE, labelled with the campaign's name) per promoter of the target,
 * valid from now to the end of the window, and enrols it. A promoter whose temporary code of this
 * campaign already covers the window is skipped; one whose code failed at WeChat is retried. Refused
 * when the window is over, or ends more than 30 days from now (WeChat's limit for temporary codes).
 */
export async function createCampaignCodes(accountId: string, campaignId: string, input: unknown, actor: Actor, now = new Date()): Promise<CampaignCodesResult> {
  const target = enrolTargetSchema.parse(input);
  const [account, campaign] = await Promise.all([
    db().account.findUniqueOrThrow({ where: { id: accountId }, select: { timezone: true } }),
    campaignOf(db(), accountId, campaignId),
  ]);
  const expiry = temporaryExpiry(campaign, account.timezone, now);
  if (!expiry.ok) throw new CampaignInputError("temporary", expiry.reason, expiry.availableFrom ? { from: expiry.availableFrom.toISOString() } : {});
  const promoters = await targetPromoters(db(), accountId, campaignId, target);
  if (!promoters.length) throw new CampaignInputError("promoterIds", "nonePicked");
  const existing = await db().qrCode.findMany({
    where: { accountId, promoterId: { in: promoters.map((p) => p.id) }, kind: "QR_SCENE", campaigns: { some: { campaignId } } },
    select: { id: true, promoterId: true, status: true, expiresAt: true },
  });
  const endsAt = now.getTime() + expiry.expireSeconds * 1000 - 60_000; // a minute's slack for the call itself
  const covered = new Set(existing.filter((c) => c.status === "active" && c.expiresAt && c.expiresAt.getTime() >= endsAt).map((c) => c.promoterId));
  const todo = promoters.filter((p) => !covered.has(p.id));
  const result: CampaignCodesResult = { created: 0, skipped: covered.size, remaining: Math.max(0, todo.length - TEMPORARY_CODES_PER_RUN), failures: [] };
  for (const promoter of todo.slice(0, TEMPORARY_CODES_PER_RUN)) {
    const retry = existing.find((c) => c.promoterId === promoter.id);
    let outcome;
    if (retry) {
      // The stored code keeps its scene; a new ticket is asked for the rest of the window.
      await db().qrCode.update({ where: { id: retry.id }, data: { expireSeconds: expiry.expireSeconds } });
      outcome = await issueQrCode(retry.id, now);
    } else {
      const made = await insertQrCode(accountId, promoter.id, { kind: "QR_SCENE", label: campaign.name, expireSeconds: expiry.expireSeconds }, actor);
      await db().campaignCode.create({ data: { campaignId, qrCodeId: made.qrCodeId } });
      outcome = made.result;
    }
    if (outcome.ok) result.created++;
    else result.failures.push({ promoterId: promoter.id, name: promoter.name, errcode: outcome.errcode, errmsg: outcome.errmsg, hint: qrErrorHint(outcome.errcode ?? -2, outcome.errmsg) });
  }
  const { created, skipped, remaining, failures } = result;
  await writeAudit(db(), { actor: actor.email, userId: actor.id, action: "campaign.temporary", targetType: "campaign", targetId: campaignId, detail: { created, skipped, remaining, failed: failures.length, expireSeconds: expiry.expireSeconds } });
  forgetCallbackCaches(); // the new codes' follows get the campaign's reply at once
  return result;
}
