// One response kit: every JSON error uses the envelope { error: { code, message } }.
import { NextResponse } from "next/server";
import { ZodError } from "zod";

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
  console.error(error);
  return serverError();
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** The client's address: the first X-Forwarded-For hop (set by the reverse proxy), else X-Real-IP. */
export function clientIp(headers: HeaderBag): string | null {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name];
    return Array.isArray(value) ? value[0] : (value ?? null);
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || null;
}
