// One HTTP attempt of a delivery: POST the signed JSON to the address that passed the SSRF check
// (post-pinned.ts), at most 10 s, no redirects followed (a redirect could lead past the check), and
// keep a short excerpt of the answer for the log.
import { env } from "../env";
import { parseWebhookUrl } from "./check-webhook-url";
import { postPinned, type Resolve } from "./post-pinned";
import { deliveryHeaders } from "./sign-webhook";

export const ATTEMPT_TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 300;
const EXCERPT_BYTES = 4096;

export type AttemptResult = { ok: boolean; statusCode: number | null; durationMs: number; error: string | null; response: string | null };
export type Outgoing = { url: string; secret: string; body: string; type: string; eventId: string; deliveryId: number };

/** Sends one attempt; never throws: a refusal, timeout or bad target comes back as `error`. */
export async function sendWebhook(out: Outgoing, timeoutMs = ATTEMPT_TIMEOUT_MS, options: { resolve?: Resolve } = {}): Promise<AttemptResult> {
  const started = Date.now();
  const done = (r: Omit<AttemptResult, "durationMs" | "ok">): AttemptResult => ({
    ...r,
    ok: r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300,
    durationMs: Date.now() - started,
  });
  try {
    const url = parseWebhookUrl(out.url);
    const answer = await postPinned(url, deliveryHeaders(out.secret, out.body, out), out.body, { timeoutMs, maxBytes: EXCERPT_BYTES, allowPrivate: env().WEBHOOK_ALLOW_PRIVATE_TARGETS, resolve: options.resolve });
    const error = answer.status >= 300 && answer.status < 400 ? "Redirects are not followed" : null;
    return done({ statusCode: answer.status, error, response: answer.excerpt?.slice(0, EXCERPT_CHARS) ?? null });
  } catch (error) {
    const e = error as Error & { code?: string };
    const message = e.name === "TimeoutError" ? `No answer within ${timeoutMs / 1000} s` : e.name === "WebhookTargetError" ? e.message : (e.code ?? e.message);
    return done({ statusCode: null, error: String(message).slice(0, 300), response: null });
  }
}
