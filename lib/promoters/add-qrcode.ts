import crypto from "node:crypto";
import { z } from "zod";
import { creditScene } from "../attribution/credit-scene";
import { writeAudit } from "../audit/write-audit";
import { db, isUniqueViolation, type Tx } from "../db";
import { nextPermanentSceneId, permanentBudget, PermanentBudgetExhaustedError, PERMANENT_CODE_LIMIT } from "./allocate-scene";
import { allocationBackoff } from "./create-promoter";
import { issueQrCode } from "./issue-qrcode";
import { isTemporary, MAX_EXPIRE_DAYS, QR_KINDS, type QrKind } from "./qr-spec";

// Messages are dictionary keys under `qrcodes.errors`.
export const addQrCodeSchema = z
  .object({
    kind: z.enum(QR_KINDS, "kindInvalid"),
    label: z.string().trim().max(40, "labelLong").transform((v) => v || null),
    sceneStr: z
      .string()
      .trim()
      .transform((v) => v || null)
      .pipe(z.string().regex(/^[\w.:-]{1,64}$/, "sceneStrInvalid").nullable()),
    expireDays: z.coerce.number().int("expireInvalid").min(1, "expireInvalid").max(MAX_EXPIRE_DAYS, "expireInvalid").default(MAX_EXPIRE_DAYS),
  })
  .partial({ label: true, sceneStr: true });

export class SceneTakenError extends Error {
  constructor(scene: string) {
    super(`Scene ${scene} is already used by another code of this account`);
  }
}

const accountOf = (id: string) => db().account.findUniqueOrThrow({ where: { id }, select: { id: true, timezone: true } });

// Temporary integer scenes live above the permanent range, so the two never share an EventKey.
const FIRST_TEMPORARY_SCENE = PERMANENT_CODE_LIMIT + 1;

async function sceneFor(tx: Tx, accountId: string, kind: string, sceneStr: string | null | undefined, attempt: number) {
  if (kind === "QR_LIMIT_SCENE") return { sceneId: await nextPermanentSceneId(tx, accountId, attempt) };
  if (kind === "QR_SCENE") {
    const max = await tx.qrCode.aggregate({ where: { accountId, kind: "QR_SCENE" }, _max: { sceneId: true } });
    return { sceneId: Math.max(max._max.sceneId ?? 0, FIRST_TEMPORARY_SCENE - 1) + 1 + attempt };
  }
  if (kind === "QR_LIMIT_STR_SCENE" && (await permanentBudget(tx, accountId)).left === 0) throw new PermanentBudgetExhaustedError();
  return { sceneStr: sceneStr ?? `c${crypto.randomBytes(6).toString("hex")}` };
}

export type NewQrCode = { kind: QrKind; label?: string | null; sceneStr?: string | null; expireSeconds: number | null };

/** Adds another code to a promoter from the dashboard's form (expiry in days). */
export async function addQrCode(accountId: string, promoterId: string, input: unknown, actor: { email: string; id?: string | null }) {
  const data = addQrCodeSchema.parse(input);
  const expireSeconds = isTemporary(data.kind) ? data.expireDays * 86400 : null;
  return insertQrCode(accountId, promoterId, { kind: data.kind, label: data.label, sceneStr: data.sceneStr, expireSeconds }, actor);
}

/**
 * Stores another code of a promoter — a string scene, or a temporary code for a campaign — and
 * creates it at WeChat. Throws P2025 for a promoter not of this account, SceneTakenError for a
 * chosen scene already in use, PermanentBudgetExhaustedError when no permanent code is left.
 */
export async function insertQrCode(accountId: string, promoterId: string, data: NewQrCode, actor: { email: string; id?: string | null }) {
  const temporary = isTemporary(data.kind);
  for (let attempt = 0; ; attempt++) {
    try {
      const qr = await db().$transaction(async (tx) => {
        await tx.promoter.findFirstOrThrow({ where: { id: promoterId, accountId } });
        const scene = await sceneFor(tx, accountId, data.kind, data.sceneStr, attempt);
        const sceneKey = String(scene.sceneId ?? scene.sceneStr);
        const created = await tx.qrCode.create({
          data: {
            accountId,
            promoterId,
            kind: data.kind,
            label: data.label ?? null,
            sceneId: scene.sceneId ?? null,
            sceneStr: scene.sceneStr ?? null,
            sceneKey,
            expireSeconds: temporary ? data.expireSeconds : null,
          },
        });
        await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "qrcode.create", targetType: "promoter", targetId: promoterId, detail: { kind: data.kind, sceneKey } });
        return created;
      });
      const result = await issueQrCode(qr.id);
      // An operator-chosen scene may already have arrived unattributed: credit those follows now.
      if (data.sceneStr) await creditScene(await accountOf(accountId), qr.sceneKey);
      return { qrCodeId: qr.id, sceneKey: qr.sceneKey, result };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (data.sceneStr) throw new SceneTakenError(data.sceneStr); // the operator chose it: say so
      if (attempt >= 19) throw error;
      await allocationBackoff(attempt);
    }
  }
}
