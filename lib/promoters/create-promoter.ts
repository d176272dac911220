import { writeAudit } from "../audit/write-audit";
import { db, isUniqueViolation } from "../db";
import { nextPermanentSceneId } from "./allocate-scene";
import { issueQrCode, type IssueResult } from "./issue-qrcode";
import { promoterSchema } from "./promoter-schema";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";

// Concurrent creations race for the same next scene; the unique index turns a loss into a retry.
const MAX_ALLOCATION_ATTEMPTS = 20;
export const allocationBackoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 10 * Math.min(attempt + 1, 10)));

/**
 * Saves a promoter with a reserved permanent scene, then creates the code at WeChat. The promoter
 * is committed first, so a WeChat refusal leaves it saved with a failed code to retry.
 */
export async function createPromoter(
  accountId: string,
  input: unknown,
  actor: { email: string; id?: string | null },
  { issueCode = true, teamId = null, openid = null }: { issueCode?: boolean; teamId?: string | null; openid?: string | null } = {},
) {
  const data = promoterSchema.parse(input);
  let saved: { promoterId: string; qrCodeId: string; sceneId: number } | undefined;
  for (let attempt = 0; !saved; attempt++) {
    try {
      saved = await db().$transaction(async (tx) => {
        const sceneId = await nextPermanentSceneId(tx, accountId, attempt);
        const promoter = await tx.promoter.create({ data: { accountId, name: data.name, phone: data.phone ?? null, note: data.note ?? null, welcomeText: data.welcomeText ?? null, teamId, openid } });
        const qr = await tx.qrCode.create({
          data: { accountId, promoterId: promoter.id, kind: "QR_LIMIT_SCENE", sceneId, sceneKey: String(sceneId), status: "pending" },
        });
        await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "promoter.create", targetType: "promoter", targetId: promoter.id, detail: { name: data.name, sceneId } });
        return { promoterId: promoter.id, qrCodeId: qr.id, sceneId };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt + 1 >= MAX_ALLOCATION_ATTEMPTS) throw error;
      await allocationBackoff(attempt);
    }
  }
  forgetCallbackCaches(); // a push through this scene may have been answered without a promoter
  // Batch imports leave the code pending; the batch generator creates them within WeChat's quotas.
  const qr: IssueResult | null = issueCode ? await issueQrCode(saved.qrCodeId) : null;
  return { ...saved, qr };
}
