// Simulated user tags: tags/create, get, update, delete; tags/members/batchtagging and batchuntagging;
// user/tag/get (a tag's followers, paged) and tags/getidlist (a follower's tags).
import { z } from "zod";
import { errorReply, type SimulatorReply, type SimulatorRequest, type SimulatorRoutes } from "./simulator-reply";
import type { SimulatorState } from "./simulator-state";

const PAGE = 10_000;
const tagName = z.object({ tag: z.object({ name: z.string() }) });
const tagIdName = z.object({ tag: z.object({ id: z.number().int(), name: z.string() }) });
const tagId = z.object({ tag: z.object({ id: z.number().int() }) });
const members = z.object({ openid_list: z.array(z.string()), tagid: z.number().int() });
const tagPage = z.object({ tagid: z.number().int(), next_openid: z.string().optional() });
const openidBody = z.object({ openid: z.string() });

/** Resolves the token and parses the body, then runs the route; WeChat's errcode on the way otherwise. */
function route<T>(schema: z.ZodType<T>, run: (state: SimulatorState, appId: string, body: T) => SimulatorReply) {
  return (state: SimulatorState, { query, body }: SimulatorRequest): SimulatorReply => {
    const auth = state.resolveToken(query.get("access_token"));
    if ("errcode" in auth) return errorReply(auth.errcode);
    const parsed = schema.safeParse(body);
    if (!parsed.success) return errorReply(47001);
    return run(state, auth.appId, parsed.data);
  };
}

const done = (result: { errcode: number; detail?: string }, ok: SimulatorReply = {}): SimulatorReply =>
  result.errcode ? errorReply(result.errcode, result.detail) : { errcode: 0, errmsg: "ok", ...ok };

const isFollower = (state: SimulatorState, appId: string) => (openid: string) => state.followersOf(appId).get(openid)?.subscribe === 1;

export const tagRoutes: SimulatorRoutes = {
  "POST /cgi-bin/tags/create": route(tagName, (state, appId, { tag }) => {
    const created = state.tags.create(appId, tag.name);
    return created.errcode ? done(created) : { tag: (created as { tag: object }).tag };
  }),
  "GET /cgi-bin/tags/get": (state, { query }) => {
    const auth = state.resolveToken(query.get("access_token"));
    if ("errcode" in auth) return errorReply(auth.errcode);
    return { tags: state.tags.list(auth.appId) };
  },
  "POST /cgi-bin/tags/update": route(tagIdName, (state, appId, { tag }) => done(state.tags.rename(appId, tag.id, tag.name))),
  "POST /cgi-bin/tags/delete": route(tagId, (state, appId, { tag }) => done(state.tags.remove(appId, tag.id))),
  "POST /cgi-bin/tags/members/batchtagging": route(members, (state, appId, b) => done(state.tags.apply(appId, b.tagid, b.openid_list, isFollower(state, appId)))),
  "POST /cgi-bin/tags/members/batchuntagging": route(members, (state, appId, b) => done(state.tags.apply(appId, b.tagid, b.openid_list, isFollower(state, appId), true))),
  "POST /cgi-bin/user/tag/get": route(tagPage, (state, appId, { tagid, next_openid }) => {
    const tag = state.tags.get(appId, tagid);
    if (!tag) return errorReply(45159);
    const all = [...tag.members];
    const from = next_openid ? all.indexOf(next_openid) + 1 : 0;
    const page = all.slice(from, from + PAGE);
    return { count: page.length, data: { openid: page }, next_openid: page.at(-1) ?? "" };
  }),
  "POST /cgi-bin/tags/getidlist": route(openidBody, (state, appId, { openid }) =>
    isFollower(state, appId)(openid) ? { tagid_list: state.tags.ofUser(appId, openid) } : errorReply(40003),
  ),
};

const controlSchema = z.object({ appId: z.string().min(1).max(64), openid: z.string().min(1).max(128).optional() });

/** POST /__simulator/tags {appId, openid?}: the account's tags with their members, or one follower's tag ids (for tests). */
export function answerTagControl(state: SimulatorState, body: unknown): { status: number; reply: Record<string, unknown> } {
  const parsed = controlSchema.safeParse(body);
  if (!parsed.success) return { status: 400, reply: { ok: false, error: "appId: required (openid optional)" } };
  const { appId, openid } = parsed.data;
  if (openid) return { status: 200, reply: { ok: true, tagIds: state.tags.ofUser(appId, openid) } };
  const tags = state.tags.list(appId).map((t) => ({ ...t, members: [...state.tags.get(appId, t.id)!.members] }));
  return { status: 200, reply: { ok: true, tags } };
}
