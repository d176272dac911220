// Simulated permanent material (永久素材): image upload (multipart), count, list and delete.
import { z } from "zod";
import { errorReply, randomToken, type SimulatorReply, type SimulatorRequest, type SimulatorRoutes } from "./simulator-reply";
import type { SimulatorState } from "./simulator-state";

// WeChat's limits for permanent images: 10 MB; bmp, png, jpeg, jpg, gif.
export const MATERIAL_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
const MAGIC: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // png
  [0xff, 0xd8, 0xff], // jpeg
  [0x47, 0x49, 0x46, 0x38], // gif
  [0x42, 0x4d], // bmp
];
const isImage = (bytes: Uint8Array) => MAGIC.some((magic) => magic.every((b, i) => bytes[i] === b));

async function add(state: SimulatorState, { query, form }: SimulatorRequest): Promise<SimulatorReply> {
  const auth = state.resolveToken(query.get("access_token"));
  if ("errcode" in auth) return errorReply(auth.errcode);
  if (query.get("type") !== "image") return errorReply(40004, "the simulator stores type=image only");
  const media = form?.get("media");
  if (!media || typeof media === "string") return errorReply(41005, "a multipart field named media with the file is required");
  const bytes = new Uint8Array(await media.arrayBuffer());
  if (bytes.length > MATERIAL_IMAGE_MAX_BYTES) return errorReply(45001, `${bytes.length} bytes, at most ${MATERIAL_IMAGE_MAX_BYTES}`);
  if (bytes.length === 0 || !isImage(bytes)) return errorReply(40005, "not a bmp, png, jpeg or gif image");
  const mediaId = randomToken(32);
  const url = `http://mmbiz.qpic.cn/mmbiz_png/${randomToken(24)}/0?wx_fmt=png`;
  state.materials.set(mediaId, { appId: auth.appId, type: "image", name: media.name || "image", size: bytes.length, url, updateTime: Math.floor(Date.now() / 1000) });
  return { media_id: mediaId, url, item: [] };
}

function count(state: SimulatorState, { query }: SimulatorRequest): SimulatorReply {
  const auth = state.resolveToken(query.get("access_token"));
  if ("errcode" in auth) return errorReply(auth.errcode);
  const images = [...state.materials.values()].filter((m) => m.appId === auth.appId).length;
  return { voice_count: 0, video_count: 0, image_count: images, news_count: 0 };
}

const batchSchema = z.object({ type: z.enum(["image", "video", "voice", "news"]), offset: z.number().int().min(0), count: z.number().int().min(1).max(20) });

function batchget(state: SimulatorState, { query, body }: SimulatorRequest): SimulatorReply {
  const auth = state.resolveToken(query.get("access_token"));
  if ("errcode" in auth) return errorReply(auth.errcode);
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) return errorReply(47001, "type, offset and count (1..20) are required");
  const all = parsed.data.type === "image" ? [...state.materials].filter(([, m]) => m.appId === auth.appId).reverse() : [];
  const page = all.slice(parsed.data.offset, parsed.data.offset + parsed.data.count);
  return { total_count: all.length, item_count: page.length, item: page.map(([media_id, m]) => ({ media_id, name: m.name, update_time: m.updateTime, url: m.url })) };
}

function del(state: SimulatorState, { query, body }: SimulatorRequest): SimulatorReply {
  const auth = state.resolveToken(query.get("access_token"));
  if ("errcode" in auth) return errorReply(auth.errcode);
  const mediaId = (body as { media_id?: unknown } | undefined)?.media_id;
  const material = typeof mediaId === "string" ? state.materials.get(mediaId) : undefined;
  if (!material || material.appId !== auth.appId) return errorReply(40007);
  state.materials.delete(mediaId as string);
  return { errcode: 0, errmsg: "ok" };
}

export const materialRoutes: SimulatorRoutes = {
  "POST /cgi-bin/material/add_material": add,
  "GET /cgi-bin/material/get_materialcount": count,
  "POST /cgi-bin/material/batchget_material": batchget,
  "POST /cgi-bin/material/del_material": del,
};
