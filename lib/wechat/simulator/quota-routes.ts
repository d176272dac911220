// Simulated /cgi-bin/openapi/quota/get: today's use of an API's daily quota, counted per account.
import { z } from "zod";
import { errorReply, type SimulatorReply, type SimulatorRequest, type SimulatorRoutes } from "./simulator-reply";
import type { SimulatorState } from "./simulator-state";

const bodySchema = z.object({ cgi_path: z.string().min(1) });

function getQuota(state: SimulatorState, { query, body }: SimulatorRequest): SimulatorReply {
  const auth = state.resolveToken(query.get("access_token"));
  if ("errcode" in auth) return errorReply(auth.errcode);
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return errorReply(47001, "cgi_path is required");
  const dailyLimit = state.quotaLimits[parsed.data.cgi_path];
  if (dailyLimit === undefined) return errorReply(76021, `the simulator keeps no quota for ${parsed.data.cgi_path}`);
  const used = Math.min(dailyLimit, state.quotaUsed(auth.appId, parsed.data.cgi_path));
  return { errcode: 0, errmsg: "ok", quota: { daily_limit: dailyLimit, used, remain: dailyLimit - used } };
}

export const quotaRoutes: SimulatorRoutes = {
  "POST /cgi-bin/openapi/quota/get": getQuota,
};
