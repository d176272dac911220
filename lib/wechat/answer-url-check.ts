// The answer to WeChat's server URL check (GET with signature, timestamp, nonce and echostr).

// WeChat sends a short run of digits (sometimes letters). The signature does not cover echostr, so
// anything else — markup above all — is refused instead of being reflected on the dashboard's origin.
const ECHOSTR = /^[0-9A-Za-z]{1,128}$/;

const PLAIN = { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" };

/** Echoes echostr as text/plain when it has WeChat's shape; 400 (also text/plain) otherwise. */
export function answerUrlCheck(echostr: string | null): Response {
  if (echostr !== null && ECHOSTR.test(echostr)) return new Response(echostr, { status: 200, headers: PLAIN });
  return new Response("echostr must be 1–128 letters or digits", { status: 400, headers: PLAIN });
}
