import { badRequest, errorResponse, handleError, payloadTooLarge, unauthorized } from "../http";
import { PayloadTooLargeError, readLimitedBody } from "../read-limited-body";
import { authenticateApiKey, NoAccountError, type ApiKeyAuth } from "./authenticate-api-key";

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
  const response = unauthorized("Missing, unknown or revoked API key: send Authorization: Bearer <api key>");
  response.headers.set("www-authenticate", 'Bearer realm="scenecode"');
  return response;
}

/**
 * Wraps a /api/v1 route handler: authenticates the bearer key (401 otherwise), resolves the route
 * params, and maps every error to the one envelope.
 */
export function withApiKey<P extends Params = Params>(handler: ApiKeyHandler<P>) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    try {
      const auth = await authenticateApiKey(request);
      if (!auth) return challenge();
      return await handler(request, auth, (await context?.params) ?? ({} as P));
    } catch (error) {
      // 409, not 401: the key is valid, so retrying with another key would not help; connecting an account would.
      if (error instanceof NoAccountError) return errorResponse(409, "no_account", error.message);
      if (error instanceof PayloadTooLargeError) return payloadTooLarge(`Body over ${error.limit} bytes`);
      if (error instanceof InvalidJsonError) return badRequest(error.message);
      return handleError(error);
    }
  };
}
