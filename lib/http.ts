// One response kit: every JSON error uses the envelope { error: { code, message } }.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { env } from "./env";
import { log } from "./log/logger";

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function errorResponse(status: number, code: string, message: string, details?: unknown) {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return NextResponse.json(body, { status });
}

export const badRequest = (message = "Bad request", details?: unknown) => errorResponse(400, "bad_request", message, details);
export const unauthorized = (message = "Authentication required") => errorResponse(401, "unauthorized", message);
export const forbidden = (message = "Not allowed") => errorResponse(403, "forbidden", message);
export const notFound = (message = "Not found") => errorResponse(404, "not_found", message);
export const payloadTooLarge = (message = "Payload too large") => errorResponse(413, "payload_too_large", message);
export const serverError = () => errorResponse(500, "internal_error", "Internal server error");

/** Maps any thrown error to a response; unknown errors are logged and never leak their message. */
export function handleError(error: unknown) {
  if (error instanceof ZodError) {
    return badRequest("Invalid input", error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  if ((error as { code?: string } | null)?.code === "P2025") return notFound();
  log().error({ err: error }, "request failed with an unexpected error (answered 500)");
  return serverError();
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/**
 * The client's address for per-IP login throttling. With TRUSTED_PROXY_HOPS = n ≥ 1, the n-th
 * X-Forwarded-For entry from the right: the peer the nearest of the operator's own proxies saw,
 * which a client cannot forge. With 0 (no proxy), the last entry — Next.js fills the header with the
 * peer address when a request has none, but a client may send its own, so per-IP limits are then
 * best effort (the per-email lock still holds).
 */
export function clientIp(headers: HeaderBag, hops = env().TRUSTED_PROXY_HOPS): string | null {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : (value ?? null);
  };
  const chain = (get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  const hop = chain[chain.length - Math.max(1, hops)];
  return hop || get("x-real-ip")?.trim() || null;
}
