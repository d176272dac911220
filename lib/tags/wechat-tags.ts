// WeChat's user tag API (用户标签管理) through the shared access token: create, list, delete, batch tagging.
import { z } from "zod";
import { withAccessToken } from "../wechat/access-token";
import { wechatRequest } from "../wechat/api-client";

export const MAX_OPENIDS_PER_CALL = 50;
const TIMEOUT_MS = 10_000;

const createdSchema = z.object({ tag: z.object({ id: z.number().int(), name: z.string() }) });
const listSchema = z.object({ tags: z.array(z.object({ id: z.number().int(), name: z.string(), count: z.number().int().default(0) })) });

export type WechatTag = z.infer<typeof listSchema>["tags"][number];

const post = (accountId: string, path: string, body: unknown) =>
  withAccessToken(accountId, (token) => wechatRequest<unknown>(path, { query: { access_token: token }, body, timeoutMs: TIMEOUT_MS }));

/** tags/create; WechatApiError 45157 (name taken or invalid), 45158 (too long), 45056 (100 tags already). */
export async function createWechatTag(accountId: string, name: string): Promise<{ id: number; name: string }> {
  return createdSchema.parse(await post(accountId, "/cgi-bin/tags/create", { tag: { name } })).tag;
}

/** tags/get: every tag of the account with its follower count. */
export async function listWechatTags(accountId: string): Promise<WechatTag[]> {
  const reply = await withAccessToken(accountId, (token) => wechatRequest<unknown>("/cgi-bin/tags/get", { query: { access_token: token }, timeoutMs: TIMEOUT_MS }));
  return listSchema.parse(reply).tags;
}

/** tags/delete: WeChat takes the tag off every follower too. */
export async function deleteWechatTag(accountId: string, id: number): Promise<void> {
  await post(accountId, "/cgi-bin/tags/delete", { tag: { id } });
}

/** tags/members/batchtagging: 1..50 openids, all or none (40003 not a follower, 45059 a follower holds 20 tags). */
export async function batchTag(accountId: string, tagId: number, openids: string[]): Promise<void> {
  if (openids.length === 0 || openids.length > MAX_OPENIDS_PER_CALL) throw new RangeError(`batchtagging takes 1 to ${MAX_OPENIDS_PER_CALL} openids`);
  await post(accountId, "/cgi-bin/tags/members/batchtagging", { openid_list: openids, tagid: tagId });
}
