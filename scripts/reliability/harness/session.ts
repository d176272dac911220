// A cookie jar over the HTTP client, and next-auth's credentials sign-in as a browser does it
// (CSRF token first, then the form post; json=true makes next-auth answer { url } instead of a redirect).
import type { HttpClient, HttpResult, RequestOptions } from "./http";

export class Browser {
  private readonly jar = new Map<string, string>();

  constructor(private readonly http: HttpClient, readonly label: string) {}

  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  setCookie(name: string, value: string) {
    this.jar.set(name, value);
  }

  has(name: string): boolean {
    return [...this.jar.keys()].some((k) => k.includes(name));
  }

  async request(path: string, options: RequestOptions = {}): Promise<HttpResult> {
    const cookie = this.cookieHeader();
    const result = await this.http.request(path, { ...options, headers: { ...(cookie ? { cookie } : {}), ...options.headers } });
    for (const line of [result.headers["set-cookie"] ?? []].flat()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return result;
  }
}

export type SignInResult = { ok: boolean; error: string | null; status: number };

/** Signs in through /api/auth/callback/credentials; ok when a session cookie came back. */
export async function signIn(browser: Browser, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInResult> {
  const csrf = await browser.request("/api/auth/csrf", { headers });
  const csrfToken = (JSON.parse(csrf.body || "{}") as { csrfToken?: string }).csrfToken ?? "";
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: "/", json: "true" });
  const r = await browser.request("/api/auth/callback/credentials", {
    method: "POST",
    body: form.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
  let url = "";
  try {
    url = (JSON.parse(r.body) as { url?: string }).url ?? "";
  } catch {
    url = String(r.headers.location ?? "");
  }
  const error = new URL(url || "/", "http://x").searchParams.get("error");
  return { ok: !error && browser.has("session-token"), error, status: r.status };
}
