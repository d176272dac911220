// Simulated /cgi-bin/token and /cgi-bin/stable_token.
import { z } from "zod";
import { errorReply, type SimulatorReply, type SimulatorRoutes } from "./simulator-reply";
import type { SimulatorState } from "./simulator-state";

const stableTokenBody = z.object({
  grant_type: z.string(),
  appid: z.string().default(""),
  secret: z.string().default(""),
  force_refresh: z.boolean().default(false),
});

function grant(state: SimulatorState, grantType: string, appId: string, secret: string, reuse: boolean): SimulatorReply {
  if (grantType !== "client_credential") return errorReply(40002);
  const errcode = state.checkCredentials(appId, secret);
  if (errcode !== 0) return errorReply(errcode);
  const { token, expiresIn } = state.issueToken(appId, { reuse });
  return { access_token: token, expires_in: expiresIn };
}

export const tokenRoutes: SimulatorRoutes = {
  // The classic endpoint: a new token on every call (the previous one lives five more minutes).
  "GET /cgi-bin/token": (state, { query }) =>
    grant(state, query.get("grant_type") ?? "", query.get("appid") ?? "", query.get("secret") ?? "", false),

  "POST /cgi-bin/stable_token": (state, { body }) => {
    const parsed = stableTokenBody.safeParse(body);
    if (!parsed.success) return errorReply(47001);
    const { grant_type, appid, secret, force_refresh } = parsed.data;
    return grant(state, grant_type, appid, secret, !force_refresh);
  },
};
