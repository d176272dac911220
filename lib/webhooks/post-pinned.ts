// The HTTP POST of a webhook attempt, connected to the very address that passed the SSRF check:
// the name is resolved once, inside the socket's own lookup, and a private answer fails the
// connection. (Checking first and letting fetch resolve again would let a name with a short TTL
// point elsewhere in between: DNS rebinding.)
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isPrivateAddress, WebhookTargetError } from "./check-webhook-url";

export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;
export type PinnedAnswer = { status: number; excerpt: string | null };

const systemResolve: Resolve = (host) => dns.lookup(host, { all: true, verbatim: true });

// Connections are kept and reused per receiver (host and port): a new TCP (and TLS) handshake per
// event cost more than the delivery itself. A kept socket is one whose address passed the check
// when it connected, so reusing it is as safe as that check; the pools are apart for the two
// settings of WEBHOOK_ALLOW_PRIVATE_TARGETS, and a call with its own resolver (tests) gets its own socket.
// As many kept free as may be open: with fewer, every round of 16 deliveries closed sockets only to
// open them again for the next (a connect and a close per delivery in the thread's profile).
const AGENT_OPTIONS = { keepAlive: true, keepAliveMsecs: 1000, maxSockets: 8, maxFreeSockets: 8, timeout: 30_000, scheduling: "fifo" as const };
const agents = new Map<string, http.Agent>();
function agentFor(protocol: string, allowPrivate: boolean): http.Agent {
  const key = `${protocol}${allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = protocol === "https:" ? new https.Agent(AGENT_OPTIONS) : new http.Agent(AGENT_OPTIONS)));
  return agent;
}

/** A socket lookup that resolves with `resolve` and refuses private addresses unless allowed. */
export function guardedLookup(resolve: Resolve, allowPrivate: boolean): net.LookupFunction {
  return (host, options, callback) => {
    const refuse = (error: Error) => callback(Object.assign(error, { code: "EWEBHOOKTARGET" }), "", 0);
    resolve(host).then(
      (found) => {
        const usable = allowPrivate ? found : found.filter((a) => !isPrivateAddress(a.address));
        if (!found.length) return refuse(new WebhookTargetError("urlUnresolvable", `The host ${host} could not be resolved`));
        if (usable.length < found.length) return refuse(new WebhookTargetError("urlPrivate", `${host} is a loopback or private address; set WEBHOOK_ALLOW_PRIVATE_TARGETS=1 to allow it`));
        if (options.all) return callback(null, usable);
        callback(null, usable[0].address, usable[0].family);
      },
      () => refuse(new WebhookTargetError("urlUnresolvable", `The host ${host} could not be resolved`)),
    );
  };
}

/**
 * POSTs `body` and reads at most `maxBytes` of the answer; never follows a redirect. Rejects with
 * the WebhookTargetError of a refused address, or a TimeoutError after `timeoutMs` overall.
 */
export function postPinned(url: URL, headers: Record<string, string>, body: string, o: { timeoutMs: number; maxBytes: number; allowPrivate: boolean; resolve?: Resolve }): Promise<PinnedAnswer> {
  const client = url.protocol === "https:" ? https : http;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && !o.allowPrivate && isPrivateAddress(host)) {
    return Promise.reject(new WebhookTargetError("urlPrivate", `${host} is a loopback or private address; set WEBHOOK_ALLOW_PRIVATE_TARGETS=1 to allow it`));
  }
  return new Promise<PinnedAnswer>((resolve, reject) => {
    const request = client.request(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: guardedLookup(o.resolve ?? systemResolve, o.allowPrivate),
      agent: o.resolve ? false : agentFor(url.protocol, o.allowPrivate),
    });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error("timeout"), { name: "TimeoutError" })), o.timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error instanceof WebhookTargetError ? error : (error as Error & { cause?: unknown }));
    });
    request.on("response", (response) => {
      const parts: Buffer[] = [];
      let size = 0;
      let done = false;
      // A whole answer leaves the socket to be reused; one cut off (too long, broken) closes it.
      const finish = (cut: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (cut) response.destroy();
        const text = Buffer.concat(parts).toString("utf8");
        resolve({ status: response.statusCode ?? 0, excerpt: text || null });
      };
      response.on("data", (chunk: Buffer) => {
        parts.push(chunk);
        size += chunk.length;
        if (size >= o.maxBytes) finish(true);
      });
      response.on("end", () => finish(false));
      response.on("error", () => finish(true)); // cut off mid-answer: keep what arrived
    });
    request.end(body);
  });
}
