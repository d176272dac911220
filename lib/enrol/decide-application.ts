import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { createPromoter } from "../promoters/create-promoter";
import type { IssueResult } from "../promoters/issue-qrcode";
import { promoterNameSchema } from "../promoters/promoter-schema";
import { ensureSelfServiceLink } from "../self-service/manage-self-service-link";
import { selfServiceUrl } from "../self-service/self-service-token";
import { deliverLink, type Delivery } from "./deliver-link";
import { enrolLinkOrigin } from "./link-origin";
import { getEnrolSettings } from "./save-enrol-settings";

type Actor = { email: string; id?: string | null };

export class ApplicationNotPendingError extends Error {
  constructor(id: string) {
    super(`Application ${id} is not pending in this account`);
    this.name = "ApplicationNotPendingError";
  }
}

export type Approval = { applicationId: string; promoterId: string; qr: IssueResult | null; delivery: Delivery };

/**
 * Approves a pending application: creates the promoter under `name` (the application's by default)
 * with the follower's openid linked, issues their permanent code, creates their private link and
 * sends it as a 客服消息. The claim (pending → approving) is one conditional update, so two admins,
 * or an admin and the auto-approver, approve it once. Bad input changes nothing.
 */
export async function approveApplication(accountId: string, applicationId: string, input: { name?: string | null }, actor: Actor): Promise<Approval> {
  const name = input.name ? promoterNameSchema.parse(input.name) : null;
  const { count } = await db().promoterApplication.updateMany({ where: { id: applicationId, accountId, status: "pending" }, data: { status: "approving", decidedAt: new Date() } });
  if (count === 0) throw new ApplicationNotPendingError(applicationId);
  const application = await db().promoterApplication.findUniqueOrThrow({ where: { id: applicationId } });
  let promoterId: string;
  let qr: IssueResult | null = null;
  try {
    const linked = await db().promoter.findUnique({ where: { accountId_openid: { accountId, openid: application.openid } }, select: { id: true } });
    if (linked) promoterId = linked.id;
    else ({ promoterId, qr } = await createPromoter(accountId, { name: name ?? application.name }, actor, { openid: application.openid }));
  } catch (error) {
    await db().promoterApplication.update({ where: { id: applicationId }, data: { status: "pending" } });
    throw error;
  }
  await db().$transaction(async (tx) => {
    await tx.promoterApplication.update({ where: { id: applicationId }, data: { status: "approved", pendingKey: null, promoterId, decidedBy: actor.email, decidedAt: new Date() } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: application.auto ? "application.auto-approve" : "application.approve", targetType: "promoter", targetId: promoterId, detail: { applicationId } });
  });
  const link = await ensureSelfServiceLink(accountId, promoterId, actor);
  const permanent = link.token ? selfServiceUrl(enrolLinkOrigin((await getEnrolSettings(accountId)).linkOrigin), link.token) : null;
  const delivery = await deliverLink(applicationId, permanent);
  return { applicationId, promoterId, qr, delivery };
}

/** Rejects a pending application; the follower may apply again later. */
export async function rejectApplication(accountId: string, applicationId: string, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.promoterApplication.updateMany({
      where: { id: applicationId, accountId, status: "pending" },
      data: { status: "rejected", pendingKey: null, decidedBy: actor.email, decidedAt: new Date() },
    });
    if (count === 0) throw new ApplicationNotPendingError(applicationId);
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "application.reject", targetType: "application", targetId: applicationId });
  });
}

/** Sends an approved applicant a fresh (24-hour) link again, e.g. after 45015 once they wrote to the account. */
export async function resendApplicationLink(accountId: string, applicationId: string, actor: Actor): Promise<Delivery> {
  const application = await db().promoterApplication.findFirst({ where: { id: applicationId, accountId, status: "approved" }, select: { id: true } });
  if (!application) throw new ApplicationNotPendingError(applicationId);
  const delivery = await deliverLink(applicationId);
  await db().$transaction((tx) => writeAudit(tx, { actor: actor.email, userId: actor.id, action: "application.resend", targetType: "application", targetId: applicationId, detail: { ok: delivery.ok } }));
  return delivery;
}
