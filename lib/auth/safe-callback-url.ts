// Where the login form may send the user afterwards: only a path on the dashboard's own origin.

// Browsers drop tabs and newlines inside URLs and read "\" as "/", so "/\evil.example" or
// "/\t/evil.example" would leave the site; any control character or backslash is refused outright.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * The callback URL as a same-origin path ("/promoters?x=1#y"), or "/" when it points anywhere
 * else. Resolved with the WHATWG URL parser against `origin`, the way the browser will read it, then
 * required to keep that origin and to come out as a path that cannot be read as protocol-relative.
 */
export function safeCallbackPath(raw: unknown, origin: string): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2048 || UNSAFE.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin || url.username || url.password) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") && decodesSafely(url.pathname) ? path : "/";
}

// "/%5Cevil" or "/%2F/evil" stay harmless paths for the URL parser, but refuse them rather than
// trust every router and proxy downstream to keep them encoded.
function decodesSafely(path: string): boolean {
  try {
    const decoded = decodeURIComponent(path);
    return !UNSAFE.test(decoded) && !decoded.startsWith("//");
  } catch {
    return false; // malformed escapes
  }
}
