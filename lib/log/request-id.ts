import type { Logger } from "pino";
import { log } from "./logger";

// A proxy's id (nginx: proxy_set_header X-Request-Id $request_id) is kept when it looks like one,
// so a line in our log can be found in the proxy's; anything else is replaced, never echoed.
const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

/** The request's id: the proxy's X-Request-Id when it looks like one, else a new random one. */
export function requestId(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && ACCEPTABLE.test(given) ? given : crypto.randomUUID();
}

/**
 * A logger for one request, with its id and the given fields on every line. Built only when a
 * line is written (on the callback's error paths), so a push that goes well pays nothing.
 */
export function requestLog(request: Request, fields: Record<string, unknown>): Logger {
  return log().child({ reqId: requestId(request), ...fields });
}
