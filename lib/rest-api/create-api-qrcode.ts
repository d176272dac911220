import { z } from "zod";
import { insertQrCode } from "../promoters/add-qrcode";
import { isTemporary, MAX_EXPIRE_DAYS, QR_KINDS } from "../promoters/qr-spec";
import { getApiQrCode } from "./list-api-qrcodes";

const MAX_EXPIRE_SECONDS = MAX_EXPIRE_DAYS * 86400;
const isStringKind = (kind: string) => kind === "QR_LIMIT_STR_SCENE" || kind === "QR_STR_SCENE";

/** The body of POST /api/v1/promoters/{id}/qrcodes. */
export const createQrCodeBody = z
  .strictObject({
    kind: z.enum(QR_KINDS).meta({ description: "QR_LIMIT_SCENE / QR_LIMIT_STR_SCENE (permanent), QR_SCENE / QR_STR_SCENE (temporary)" }),
    label: z.string().trim().max(40).nullable().optional().meta({ description: "Campaign name shown in the dashboard" }),
    sceneStr: z
      .string()
      .regex(/^[\w.:-]{1,64}$/, "1–64 letters, digits, _ . : or -")
      .optional()
      .meta({ description: "String kinds only; default: a random scene. Follows that already arrived through it are credited" }),
    expireSeconds: z
      .number()
      .int()
      .min(60)
      .max(MAX_EXPIRE_SECONDS)
      .optional()
      .meta({ description: `Temporary kinds only: 60 s to 30 days; default ${MAX_EXPIRE_SECONDS} (30 days)` }),
  })
  .superRefine((v, ctx) => {
    if (v.sceneStr !== undefined && !isStringKind(v.kind)) ctx.addIssue({ code: "custom", path: ["sceneStr"], message: `${v.kind} takes an integer scene, allocated by Scenecode; sceneStr is for string kinds` });
    if (v.expireSeconds !== undefined && !isTemporary(v.kind)) ctx.addIssue({ code: "custom", path: ["expireSeconds"], message: "permanent codes never expire; expireSeconds is for QR_SCENE and QR_STR_SCENE" });
  });

/**
 * Adds a code of any kind to a promoter and creates it at WeChat. A WeChat refusal still stores
 * the code, failed, with the errcode and hint (renew it to retry).
 */
export async function createApiQrCode(accountId: string, promoterId: string, input: unknown, actor: { email: string }) {
  const data = createQrCodeBody.parse(input);
  const expireSeconds = isTemporary(data.kind) ? (data.expireSeconds ?? MAX_EXPIRE_SECONDS) : null;
  const { qrCodeId } = await insertQrCode(accountId, promoterId, { kind: data.kind, label: data.label ?? null, sceneStr: data.sceneStr ?? null, expireSeconds }, actor);
  const code = await getApiQrCode(accountId, qrCodeId);
  if (!code) throw new Error(`QR code ${qrCodeId} vanished after creation`);
  return code;
}
