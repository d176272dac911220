// WeChat's follower list (cgi-bin/user/get, 10,000 openids a page) and profiles (user/info/batchget, 100 a call).
import { z } from "zod";
import { withAccessToken } from "../wechat/access-token";
import { wechatRequest } from "../wechat/api-client";

export const BATCHGET_LIMIT = 100;

const pageSchema = z.object({
  total: z.number().int().min(0),
  count: z.number().int().min(0),
  data: z.object({ openid: z.array(z.string().min(1)) }).optional(),
  next_openid: z.string().default(""),
});

const infoSchema = z.object({
  subscribe: z.number().int(),
  openid: z.string().min(1),
  subscribe_time: z.number().int().optional(),
  subscribe_scene: z.string().optional(),
  qr_scene: z.number().int().optional(),
  qr_scene_str: z.string().optional(),
});
const batchSchema = z.object({ user_info_list: z.array(infoSchema) });

export type FollowerPage = { total: number; openids: string[]; nextOpenid: string };
export type FollowerInfo = z.infer<typeof infoSchema>;

/** One page of the account's followers after `nextOpenid` ("" = the first page). An empty page ends the list. */
export async function listFollowers(accountId: string, nextOpenid: string): Promise<FollowerPage> {
  const reply = await withAccessToken(accountId, (token) =>
    wechatRequest<unknown>("/cgi-bin/user/get", { query: { access_token: token, next_openid: nextOpenid || undefined }, timeoutMs: 15_000 }),
  );
  const page = pageSchema.parse(reply);
  return { total: page.total, openids: page.data?.openid ?? [], nextOpenid: page.next_openid };
}

/** Profiles of up to 100 followers, in one call; someone who unfollowed meanwhile comes back with subscribe 0. */
export async function batchGetFollowers(accountId: string, openids: string[]): Promise<FollowerInfo[]> {
  if (openids.length === 0 || openids.length > BATCHGET_LIMIT) throw new RangeError(`batchget takes 1 to ${BATCHGET_LIMIT} openids`);
  const reply = await withAccessToken(accountId, (token) =>
    wechatRequest<unknown>("/cgi-bin/user/info/batchget", {
      query: { access_token: token },
      body: { user_list: openids.map((openid) => ({ openid, lang: "zh_CN" })) },
      timeoutMs: 15_000,
    }),
  );
  return batchSchema.parse(reply).user_info_list;
}

/** The scene a follower came by, as it arrives in EventKey: qr_scene, or qr_scene_str; null when not by a QR code. */
export function sceneOf(info: FollowerInfo): string | null {
  if (info.subscribe_scene !== "ADD_SCENE_QR_CODE") return null;
  if (info.qr_scene_str) return info.qr_scene_str;
  return info.qr_scene ? String(info.qr_scene) : null;
}
