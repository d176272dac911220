// Simulated follower lookups: /cgi-bin/user/info, /cgi-bin/user/get (paged), /cgi-bin/user/info/batchget.
import { z } from "zod";
import { errorReply, type SimulatorReply, type SimulatorRoutes } from "./simulator-reply";
import type { SimulatedFollower } from "./simulator-state";

const BATCH_LIMIT = 100;
const batchBody = z.object({
  user_list: z.array(z.object({ openid: z.string(), lang: z.string().optional() })),
});

function userInfo(follower: SimulatedFollower): SimulatorReply {
  // WeChat reports only subscribe and openid for someone who unfollowed.
  if (follower.subscribe === 0) return { subscribe: 0, openid: follower.openid };
  return { ...follower, language: "zh_CN", remark: "", groupid: 0, tagid_list: [] };
}

export const userRoutes: SimulatorRoutes = {
  "GET /cgi-bin/user/info": (state, { query }) => {
    const auth = state.resolveToken(query.get("access_token"));
    if ("errcode" in auth) return errorReply(auth.errcode);
    const follower = state.followersOf(auth.appId).get(query.get("openid") ?? "");
    return follower ? userInfo(follower) : errorReply(40003);
  },

  "GET /cgi-bin/user/get": (state, { query }) => {
    const auth = state.resolveToken(query.get("access_token"));
    if ("errcode" in auth) return errorReply(auth.errcode);
    const listed = state.followersOf(auth.appId).page(query.get("next_openid") ?? "", state.userPageSize);
    if ("unknownCursor" in listed) return errorReply(40003, "unknown next_openid");
    const { total, openids: page } = listed;
    if (page.length === 0) return { total, count: 0, next_openid: "" };
    // Like WeChat, the last page still names a next_openid; the following call returns count 0.
    return { total, count: page.length, data: { openid: page }, next_openid: page.at(-1) };
  },

  "POST /cgi-bin/user/info/batchget": (state, { query, body }) => {
    const auth = state.resolveToken(query.get("access_token"));
    if ("errcode" in auth) return errorReply(auth.errcode);
    const parsed = batchBody.safeParse(body);
    if (!parsed.success) return errorReply(47001);
    const list = parsed.data.user_list;
    if (list.length === 0 || list.length > BATCH_LIMIT) return errorReply(40032);
    const followers = state.followersOf(auth.appId);
    const found = list.map((u) => followers.get(u.openid));
    if (found.some((f) => !f)) return errorReply(40003);
    return { user_info_list: found.map((f) => userInfo(f!)) };
  },
};
