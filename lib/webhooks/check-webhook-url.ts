// Where a webhook may point. Only http(s) URLs; and since the server sends requests on an
// operator's behalf, not to loopback, private, link-local or other internal addresses (SSRF) unless
// WEBHOOK_ALLOW_PRIVATE_TARGETS=1 (tests, a receiver on the intranet). Checked when an endpoint is
// saved, and at every attempt on the address the socket connects to (post-pinned.ts).
import dns from "node:dns/promises";
import net from "node:net";
import { env } from "../env";

export class WebhookTargetError extends Error {
  constructor(readonly key: "urlInvalid" | "urlPrivate" | "urlUnresolvable", message: string) {
    super(message);
    this.name = "WebhookTargetError";
  }
}

const PRIVATE_V4: [string, number][] = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
];

const v4ToInt = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);

/** True for addresses a public webhook must not reach (IPv4 and IPv6, including v4-mapped v6). */
export function isPrivateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) {
    const n = v4ToInt(ip);
    return PRIVATE_V4.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4ToInt(base) / 2 ** (32 - bits)));
  }
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateAddress(mapped[1]);
  return lower === "::" || lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower);
}

/** The URL, parsed, if it is an absolute http(s) URL without credentials. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError("urlInvalid", "The URL is not valid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new WebhookTargetError("urlInvalid", "Only http:// and https:// URLs are allowed");
  if (url.username || url.password) throw new WebhookTargetError("urlInvalid", "The URL must not contain a user name or password");
  return url;
}

/** Throws unless the URL is http(s) and (unless allowed) every address it resolves to is public. */
export async function checkWebhookTarget(raw: string, allowPrivate = env().WEBHOOK_ALLOW_PRIVATE_TARGETS): Promise<URL> {
  const url = parseWebhookUrl(raw);
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new WebhookTargetError("urlUnresolvable", `The host ${host} could not be resolved`);
  }
  if (!addresses.length || addresses.some(isPrivateAddress)) {
    throw new WebhookTargetError("urlPrivate", `${host} is a loopback or private address; set WEBHOOK_ALLOW_PRIVATE_TARGETS=1 to allow it`);
  }
  return url;
}
