// The one way Scenecode calls WeChat's API: JSON in, JSON out, WeChat errors and network failures as typed errors.
import { env } from "../env";
import { WechatApiError, WechatNetworkError } from "./wechat-error";

export type WechatRequestOptions = {
  query?: Record<string, string | number | undefined>;
  /** When present the request is a POST with this JSON body; otherwise a GET. */
  body?: unknown;
  /** A multipart POST (e.g. material/add_material's `media` file) instead of a JSON body. */
  form?: FormData;
  timeoutMs?: number;
};

/** Calls `${WECHAT_API_BASE}${path}`; throws WechatApiError for a non-zero errcode, WechatNetworkError otherwise. */
export async function wechatRequest<T>(path: string, { query, body, form, timeoutMs = 5000 }: WechatRequestOptions = {}): Promise<T> {
  const base = env().WECHAT_API_BASE;
  const url = new URL(`${base}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined && !form ? "GET" : "POST",
      // fetch sets a multipart form's content-type itself (with its boundary).
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    // Only the error's name/code is reported: messages could echo the URL, and the query holds the access token.
    throw new WechatNetworkError(base, describeFailure(error, timeoutMs));
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new WechatNetworkError(base, `HTTP ${response.status} on ${path}`);
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch (error) {
    throw new WechatNetworkError(base, isTimeout(error) ? `timed out after ${timeoutMs} ms` : `a response that is not JSON on ${path}`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new WechatNetworkError(base, `a response that is not a JSON object on ${path}`);
  }
  const { errcode, errmsg } = data as { errcode?: unknown; errmsg?: unknown };
  if (errcode !== undefined && errcode !== 0 && errcode !== "0") {
    throw new WechatApiError(Number(errcode), typeof errmsg === "string" ? errmsg : "", path);
  }
  return data as T;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `timed out after ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (typeof cause?.code === "string") return cause.code;
  return (error as { name?: string } | null)?.name ?? "request failed";
}
