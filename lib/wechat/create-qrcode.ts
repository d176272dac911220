// Parametric QR codes (带参数二维码): WeChat returns a ticket and the URL to encode in the image.
import { z } from "zod";
import { withAccessToken } from "./access-token";
import { wechatRequest } from "./api-client";

const MAX_EXPIRE_SECONDS = 2_592_000;

const sceneStr = z.string().min(1).max(64);
const expireSeconds = z.number().int().min(60).max(MAX_EXPIRE_SECONDS);

const specSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("QR_LIMIT_SCENE"), sceneId: z.number().int().min(1).max(100_000) }),
  z.object({ action: z.literal("QR_LIMIT_STR_SCENE"), sceneStr }),
  // Temporary integer scenes are "32-bit non-zero"; positive and signed-safe fits every reading of that.
  z.object({ action: z.literal("QR_SCENE"), sceneId: z.number().int().min(1).max(2_147_483_647), expireSeconds }),
  z.object({ action: z.literal("QR_STR_SCENE"), sceneStr, expireSeconds }),
]);

export type QrCodeSpec = z.infer<typeof specSchema>;
export type QrCode = { ticket: string; url: string; expireSeconds?: number };

const responseSchema = z.object({
  ticket: z.string().min(1),
  url: z.string().min(1),
  expire_seconds: z.number().int().optional(),
});

function requestBody(spec: QrCodeSpec) {
  const scene = "sceneId" in spec ? { scene_id: spec.sceneId } : { scene_str: spec.sceneStr };
  // The "scene" wrapper is required: without it every scan arrives as qrscene_0.
  const body = { action_name: spec.action, action_info: { scene } };
  // Always send expire_seconds for temporary codes: the documented default differs between doc versions.
  return "expireSeconds" in spec ? { expire_seconds: spec.expireSeconds, ...body } : body;
}

/** Creates a QR code of any of WeChat's four kinds; throws ZodError for an out-of-range spec. */
export async function createQrCode(accountId: string, spec: QrCodeSpec): Promise<QrCode> {
  const valid = specSchema.parse(spec);
  const response = await withAccessToken(accountId, (token) =>
    wechatRequest<unknown>("/cgi-bin/qrcode/create", { query: { access_token: token }, body: requestBody(valid) }),
  );
  const parsed = responseSchema.safeParse(response);
  if (!parsed.success) throw new Error("WeChat's qrcode/create response had no ticket or url");
  const { ticket, url, expire_seconds } = parsed.data;
  return valid.action === "QR_SCENE" || valid.action === "QR_STR_SCENE" ? { ticket, url, expireSeconds: expire_seconds ?? valid.expireSeconds } : { ticket, url };
}

/** A permanent integer-scene code (QR_LIMIT_SCENE, scene 1..100000): the kind each promoter gets. */
export async function createPermanentQrCode(accountId: string, sceneId: number): Promise<{ ticket: string; url: string }> {
  const { ticket, url } = await createQrCode(accountId, { action: "QR_LIMIT_SCENE", sceneId });
  return { ticket, url };
}
