// Security headers for pages (set by proxy.ts, which never runs on /api: those get a static
// "forbid everything" policy from next.config.js, so the WeChat callback pays nothing per push).

export type PageHeaderOptions = { nonce: string; dev: boolean; https: boolean };

/**
 * The pages' Content-Security-Policy. Scripts: only this response's nonce (Next.js puts it on its
 * own inline and bundle scripts) and what those load ('strict-dynamic'); no inline script an
 * attacker could inject. Styles allow inline attributes: React and recharts render style="…" (an
 * injected style cannot run script). Nothing may frame the dashboard, post forms elsewhere or
 * change the base URL.
 */
export function contentSecurityPolicy({ nonce, dev, https }: PageHeaderOptions): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every header a page answer carries besides next.config.js's static ones (nosniff, Referrer-Policy, X-Frame-Options). */
export function pageSecurityHeaders(options: PageHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    // Only when the public URL is https: HSTS over plain http would be ignored, or lock out a LAN install.
    ...(options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
