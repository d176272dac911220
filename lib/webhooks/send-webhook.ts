// One HTTP attempt of a delivery: POST the signed JSON, at most 10 s, no redirects followed (a
// redirect could lead past the address check), and keep a short excerpt of the answer for the log.
import { checkWebhookTarget } from "./check-webhook-url";
import { deliveryHeaders } from "./sign-webhook";

export const ATTEMPT_TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 300;
const EXCERPT_BYTES = 4096;

export type AttemptResult = { ok: boolean; statusCode: number | null; durationMs: number; error: string | null; response: string | null };
export type Outgoing = { url: string; secret: string; body: string; type: string; eventId: string; deliveryId: number };

/** The start of the answer, reading no more than a few KB of it (a receiver could answer gigabytes). */
async function excerpt(response: Response): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return null;
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.length;
    }
  } catch {
    // cut off (timeout, reset): keep what arrived
  } finally {
    void reader.cancel().catch(() => {});
  }
  const text = Buffer.concat(parts).toString("utf8").slice(0, EXCERPT_CHARS);
  return text || null;
}

/** Rejects when `promise` takes longer than `ms` (the name lookup of the address check). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { name: "TimeoutError" })), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Sends one attempt; never throws: a refusal, timeout or bad target comes back as `error`. */
export async function sendWebhook(out: Outgoing, timeoutMs = ATTEMPT_TIMEOUT_MS): Promise<AttemptResult> {
  const started = Date.now();
  const done = (r: Omit<AttemptResult, "durationMs" | "ok">): AttemptResult => ({
    ...r,
    ok: r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300,
    durationMs: Date.now() - started,
  });
  try {
    await within(checkWebhookTarget(out.url), timeoutMs);
    const response = await fetch(out.url, {
      method: "POST",
      headers: deliveryHeaders(out.secret, out.body, out),
      body: out.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await excerpt(response);
    const error = response.status >= 300 && response.status < 400 ? "Redirects are not followed" : null;
    return done({ statusCode: response.status, error, response: text });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const message = e.name === "TimeoutError" ? `No answer within ${timeoutMs / 1000} s` : e.name === "WebhookTargetError" ? e.message : (e.cause?.code ?? e.cause?.message ?? e.message);
    return done({ statusCode: null, error: String(message).slice(0, 300), response: null });
  }
}
