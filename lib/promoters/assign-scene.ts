import { creditScene } from "../attribution/credit-scene";
import { writeAudit } from "../audit/write-audit";
import { db, isUniqueViolation } from "../db";
import { PERMANENT_CODE_LIMIT } from "./allocate-scene";
import { SceneTakenError } from "./add-qrcode";
import { issueQrCode } from "./issue-qrcode";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";

/**
 * Gives a scene that already arrives in pushes (a code made outside Scenecode) to a promoter:
 * stores the code, credits the follows that came through it so far, and fetches its image
 * for permanent kinds. A temporary scene is stored as active without an image.
 */
export async function assignScene(account: { id: string; timezone: string }, promoterId: string, sceneKey: string, actor: { email: string; id?: string | null }) {
  const scene = sceneKey.trim();
  if (!/^[\w.:-]{1,64}$/.test(scene)) throw new Error("Invalid scene");
  const numeric = /^\d+$/.test(scene) ? Number(scene) : null;
  const kind = numeric === null ? "QR_LIMIT_STR_SCENE" : numeric <= PERMANENT_CODE_LIMIT ? "QR_LIMIT_SCENE" : "QR_SCENE";
  const qr = await db()
    .$transaction(async (tx) => {
      await tx.promoter.findFirstOrThrow({ where: { id: promoterId, accountId: account.id } });
      const created = await tx.qrCode.create({
        data: {
          accountId: account.id,
          promoterId,
          kind,
          sceneId: numeric,
          sceneStr: numeric === null ? scene : null,
          sceneKey: scene,
          status: kind === "QR_SCENE" ? "active" : "pending",
          label: "assigned",
        },
      });
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "scene.assign", targetType: "promoter", targetId: promoterId, detail: { sceneKey: scene } });
      return created;
    })
    .catch((error) => {
      throw isUniqueViolation(error) ? new SceneTakenError(scene) : error;
    });
  forgetCallbackCaches();
  const credited = await creditScene(account, scene);
  const issued = kind === "QR_SCENE" ? null : await issueQrCode(qr.id);
  return { qrCodeId: qr.id, credited, issued };
}
