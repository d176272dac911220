import { CampaignInputError } from "../campaigns/check-overlap";
import { campaignErrorMessage } from "../campaigns/campaign-error-message";
import { badRequest, errorResponse, forbidden, handleError, payloadTooLarge, unauthorized } from "../http";
import { SceneTakenError } from "../promoters/add-qrcode";
import { PermanentBudgetExhaustedError } from "../promoters/allocate-scene";
import { NotRenewableError, WechatRefusedError } from "../rest-api/renew-api-qrcode";
import { qrErrorHint } from "../promoters/qr-error-hint";
import { PayloadTooLargeError, readLimitedBody } from "../read-limited-body";
import { scopeAllows, type ApiKeyScope } from "./api-key-schema";
import { authenticateApiKey, type ApiKeyAuth } from "./authenticate-api-key";
import { takeApiRequest } from "./rate-limit-api-key";

type Params = Record<string, string>;
export type ApiKeyHandler<P extends Params> = (request: Request, auth: ApiKeyAuth, params: P) => Promise<Response>;

export class InvalidJsonError extends Error {
  constructor() {
    super("The request body must be a JSON object");
    this.name = "InvalidJsonError";
  }
}

/** Reads a JSON request body of at most `limit` bytes (PayloadTooLargeError / InvalidJsonError otherwise). */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const text = await readLimitedBody(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidJsonError();
  }
}

function challenge() {
  const response = unauthorized("Missing, unknown, revoked or expired API key: send Authorization: Bearer <api key>");
  response.headers.set("www-authenticate", 'Bearer realm="scenecode"');
  return response;
}

function tooManyRequests(retryAfterS: number) {
  const response = errorResponse(429, "rate_limited", `Too many requests for this API key; retry in ${retryAfterS} s`);
  response.headers.set("retry-after", String(retryAfterS));
  return response;
}

/** The answer to a domain refusal: a conflict the client can act on, or WeChat's errcode and hint. */
function domainError(error: unknown): Response | null {
  if (error instanceof PermanentBudgetExhaustedError) return errorResponse(409, "permanent_budget_exhausted", error.message);
  if (error instanceof SceneTakenError) return errorResponse(409, "scene_taken", error.message);
  if (error instanceof NotRenewableError) return errorResponse(409, "not_renewable", error.message);
  if (error instanceof CampaignInputError) return errorResponse(409, error.key === "nameTaken" ? "name_taken" : error.key, campaignErrorMessage(error));
  if (error instanceof WechatRefusedError) {
    const details = { errcode: error.errcode, errmsg: error.errmsg, hint: qrErrorHint(error.errcode, error.errmsg) };
    return errorResponse(502, "wechat_error", `WeChat refused (errcode ${error.errcode}): ${details.hint.en}`, details);
  }
  return null;
}

/**
 * Wraps a /api/v1 route handler: authenticates the bearer key (401 otherwise), requires the scope
 * (403), applies the key's rate limit (429), resolves the route params, and maps every error to the
 * one envelope.
 */
export function withApiKey<P extends Params = Params>(handler: ApiKeyHandler<P>, { scope = "read" }: { scope?: ApiKeyScope } = {}) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    try {
      const auth = await authenticateApiKey(request);
      if (!auth) return challenge();
      if (!scopeAllows(auth.key.scope, scope)) return forbidden(`This API key is ${auth.key.scope}; this call needs a ${scope} key`);
      const rate = takeApiRequest(auth.key.id);
      if (!rate.ok) return tooManyRequests(rate.retryAfterS);
      return await handler(request, auth, (await context?.params) ?? ({} as P));
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return payloadTooLarge(`Body over ${error.limit} bytes`);
      if (error instanceof InvalidJsonError) return badRequest(error.message);
      return domainError(error) ?? handleError(error);
    }
  };
}
