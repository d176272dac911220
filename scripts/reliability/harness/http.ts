// A small HTTP/1.1 client on node:http (or node:https, for a deployment behind TLS) with keep-alive,
// per-request time-outs, a request cap and an abort signal per scenario. Never throws for network
// errors: they come back as status 0.
import { setMaxListeners } from "node:events";
import http from "node:http";
import https from "node:https";

export type HttpResult = {
  status: number; // 0 when no response arrived (refused, reset, timed out, aborted)
  body: string;
  headers: http.IncomingHttpHeaders;
  ms: number;
  error?: string;
};

export type RequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
  /** A fresh connection instead of a pooled keep-alive socket. */
  fresh?: boolean;
};

export class RequestCapError extends Error {}

const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export class HttpClient {
  readonly agent: http.Agent;
  sent = 0;
  private cap = Infinity;
  private signal: AbortSignal | undefined;

  /** `tls`: https, verified against the system's CAs plus NODE_EXTRA_CA_CERTS. */
  constructor(
    readonly port: number,
    readonly tls = false,
  ) {
    this.agent = new (tls ? https : http).Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 1000 });
  }

  /** Starts a scenario's budget: at most `cap` requests, all aborted with the signal. */
  scope(cap: number, signal: AbortSignal) {
    this.cap = this.sent + cap;
    this.signal = signal;
    setMaxListeners(0, signal); // one abort listener per request in flight
  }

  /** Counts a request sent by other means (raw sockets) against the budget. */
  count(n = 1) {
    if (this.sent + n > this.cap) throw new RequestCapError(`request cap reached (${this.cap} requests)`);
    this.sent += n;
  }

  /**
   * One request. A keep-alive socket the server closed while idle fails with ECONNRESET before the
   * request reaches the server; that case alone is retried once on a fresh connection.
   */
  async request(path: string, options: RequestOptions = {}): Promise<HttpResult> {
    const first = await this.once(path, options);
    if (first.error !== "ECONNRESET" || !first.reused || options.fresh) return first;
    return this.once(path, { ...options, fresh: true });
  }

  private once(path: string, options: RequestOptions): Promise<HttpResult & { reused?: boolean }> {
    this.count();
    const started = performance.now();
    const { method = "GET", headers = {}, body, timeoutMs = 10_000, fresh = false } = options;
    return new Promise((resolve) => {
      let settled = false;
      const done = (result: Omit<HttpResult, "ms">) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.signal?.removeEventListener("abort", onAbort);
        resolve({ ...result, ms: performance.now() - started, reused: req.reusedSocket });
      };
      const fail = (error: string) => done({ status: 0, body: "", headers: {}, error });
      const req = (this.tls ? https : http).request(
        {
          host: "127.0.0.1",
          port: this.port,
          path,
          method,
          agent: fresh ? false : this.agent,
          headers: body === undefined ? headers : { "content-length": String(Buffer.byteLength(body)), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
          });
          res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
          res.on("error", (e) => fail(e.message));
        },
      );
      const timer = setTimeout(() => {
        fail(`no response within ${timeoutMs} ms`);
        req.destroy();
      }, timeoutMs);
      const onAbort = () => {
        fail("aborted");
        req.destroy();
      };
      if (this.signal?.aborted) return onAbort();
      this.signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", (e: NodeJS.ErrnoException) => fail(e.code ?? e.message));
      req.end(body);
    });
  }

  close() {
    this.agent.destroy();
  }
}

/** Runs `work` over the items with at most `limit` in flight; stops early when `stop()` turns true. */
export async function pool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>, stop: () => boolean = () => false) {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
