// Pages only: a per-request CSP nonce (Next.js reads it from the request's CSP header and puts it on
// its scripts) and HSTS behind https. Not a security boundary: every page checks the session itself.
// The matcher leaves out /api entirely — above all the WeChat callback, a benchmarked hot path —
// and static assets; /api answers get their CSP from next.config.js.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { newNonce, pageSecurityHeaders } from "@/lib/security/page-security-headers";

export function proxy(request: NextRequest) {
  const config = env();
  const headers = pageSecurityHeaders({
    nonce: newNonce(),
    dev: config.NODE_ENV === "development",
    https: (config.NEXTAUTH_URL ?? "").startsWith("https:"),
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"]);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api(?:/|$)|_next/static|_next/image|favicon\\.ico).*)",
      // Router prefetches carry no HTML, so no script to allow.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
