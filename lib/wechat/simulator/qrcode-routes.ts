// Simulated /cgi-bin/qrcode/create — stricter than WeChat where WeChat silently does the wrong thing.
import { z } from "zod";
import { errorReply, randomToken, type SimulatorReply, type SimulatorRequest, type SimulatorRoutes } from "./simulator-reply";
import type { SimulatorState } from "./simulator-state";

const DEFAULT_EXPIRE_S = 30;
const MAX_EXPIRE_S = 2_592_000;
const sceneId = (max: number) => z.object({ scene_id: z.number().int().min(1).max(max) }).strict();
const sceneStr = z.object({ scene_str: z.string().min(1).max(64) }).strict();
const info = <T extends z.ZodType>(scene: T) => z.object({ action_info: z.object({ scene }) });
const temporary = { expire_seconds: z.number().int().min(1).max(MAX_EXPIRE_S).optional() };

const requestSchema = z.discriminatedUnion("action_name", [
  info(sceneId(100_000)).extend({ action_name: z.literal("QR_LIMIT_SCENE") }),
  info(sceneStr).extend({ action_name: z.literal("QR_LIMIT_STR_SCENE") }),
  info(sceneId(4_294_967_295)).extend({ action_name: z.literal("QR_SCENE"), ...temporary }),
  info(sceneStr).extend({ action_name: z.literal("QR_STR_SCENE"), ...temporary }),
]);

function create(state: SimulatorState, { query, body }: SimulatorRequest): SimulatorReply {
  const auth = state.resolveToken(query.get("access_token"));
  if ("errcode" in auth) return errorReply(auth.errcode);
  if (body === null || typeof body !== "object") return errorReply(47001);
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    const missingWrapper = !(body as { action_info?: { scene?: unknown } }).action_info?.scene;
    // Real WeChat accepts a request without the "scene" wrapper and every scan then arrives as qrscene_0.
    return errorReply(40053, missingWrapper ? "action_info.scene is required" : "bad action_name or scene");
  }
  const request = parsed.data;
  state.countUse(auth.appId, "/cgi-bin/qrcode/create"); // quota/get reports today's use
  const scene = "scene_id" in request.action_info.scene ? String(request.action_info.scene.scene_id) : request.action_info.scene.scene_str;
  const permanent = request.action_name === "QR_LIMIT_SCENE" || request.action_name === "QR_LIMIT_STR_SCENE";
  if (permanent) {
    // Creating the same permanent code again returns the same ticket, as WeChat does.
    const existing = [...state.tickets].find(([, t]) => t.appId === auth.appId && t.action === request.action_name && t.scene === scene);
    if (existing) return { ticket: existing[0], url: existing[1].url };
  }
  const ticket = `gQ${randomToken(40)}`;
  const url = `http://weixin.qq.com/q/${randomToken(16)}`;
  if (permanent) {
    state.tickets.set(ticket, { appId: auth.appId, action: request.action_name, scene, url });
    return { ticket, url };
  }
  const expireSeconds = ("expire_seconds" in request ? request.expire_seconds : undefined) ?? DEFAULT_EXPIRE_S;
  state.tickets.set(ticket, { appId: auth.appId, action: request.action_name, scene, url, expiresAt: Date.now() + expireSeconds * 1000 });
  return { ticket, expire_seconds: expireSeconds, url };
}

export const qrcodeRoutes: SimulatorRoutes = {
  "POST /cgi-bin/qrcode/create": create,
};
