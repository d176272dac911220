// One POST on a keep-alive agent to 127.0.0.1 with a time-out, and the tally of a phase's answers.
// Anything but 200 "success" (or a passive reply where the request expects one) is an error, kept by
// kind ("503", "timeout", "ECONNREFUSED", …).
import http from "node:http";
import type { PreparedRequest } from "./requests";

export type Answer = { ok: boolean; kind: string; ms: number };

export function send(agent: http.Agent, port: number, request: PreparedRequest, timeoutMs: number, onSocket?: (s: unknown) => void): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean, kind: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ok, kind, ms: performance.now() - started });
    };
    const req = http.request(
      { host: "127.0.0.1", port, path: request.path, method: "POST", agent, headers: { "content-type": "text/xml", "content-length": String(request.body.length) } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body = body.length < 200 ? body + chunk : body));
        res.on("end", () => done(res.statusCode === 200 && (body === "success" || (request.reply === true && body.startsWith("<xml>"))), res.statusCode === 200 ? `200 ${JSON.stringify(body.slice(0, 40))}` : String(res.statusCode)));
        res.on("error", (e: NodeJS.ErrnoException) => done(false, e.code ?? e.message));
      },
    );
    const timer = setTimeout(() => {
      done(false, "timeout");
      req.destroy();
    }, timeoutMs);
    if (onSocket) req.once("socket", onSocket);
    req.on("error", (e: NodeJS.ErrnoException) => done(false, e.code ?? e.message));
    req.end(request.body);
  });
}

export class Tally {
  ok = 0;
  readonly latencies: number[] = [];
  readonly errors = new Map<string, number>();

  add(answer: Answer) {
    this.latencies.push(answer.ms);
    if (answer.ok) this.ok++;
    else this.errors.set(answer.kind, (this.errors.get(answer.kind) ?? 0) + 1);
  }

  get sent() {
    return this.latencies.length;
  }

  get failed() {
    return this.sent - this.ok;
  }

  /** "3 errors (503×2, timeout×1)" or "" */
  describeErrors() {
    if (!this.failed) return "";
    const kinds = [...this.errors].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind}×${n}`);
    return `${this.failed.toLocaleString("en-US")} errors (${kinds.slice(0, 4).join(", ")})`;
  }

  /** Latency percentile (0–100) in ms. */
  percentile(p: number) {
    return percentile(this.latencies, p);
  }
}

/** The p-th percentile (0–100, nearest rank) of the values; NaN when there are none. */
export function percentile(values: number[], p: number) {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (value: number) => (Number.isNaN(value) ? "–" : value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);
