import { z } from "zod";
import { withAccessToken } from "./access-token";
import { wechatRequest } from "./api-client";

const quotaSchema = z.object({
  quota: z.object({ daily_limit: z.number().int().nonnegative(), used: z.number().int().nonnegative(), remain: z.number().int() }),
});

export type ApiQuotaFigures = { dailyLimit: number; used: number; remain: number };

/** Today's use of one API's daily quota (POST /cgi-bin/openapi/quota/get); WeChat errors as WechatApiError. */
export async function getApiQuota(accountId: string, cgiPath: string): Promise<ApiQuotaFigures> {
  const response = await withAccessToken(accountId, (token) =>
    wechatRequest<unknown>("/cgi-bin/openapi/quota/get", { query: { access_token: token }, body: { cgi_path: cgiPath } }),
  );
  const parsed = quotaSchema.safeParse(response);
  if (!parsed.success) throw new Error("WeChat's quota/get response had no quota");
  const { daily_limit: dailyLimit, used, remain } = parsed.data.quota;
  return { dailyLimit, used, remain };
}
