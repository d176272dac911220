// Open loop: request i leaves at start + i / rate whatever the earlier answers, as WeChat sends.
// Latency is counted from the scheduled departure, so a sender that falls behind cannot hide a slow
// server. The agent allows up to `maxSockets` connections; `socketsUsed` says how many it opened
// and `peakInFlight` whether sending ever had to wait for one.
import http from "node:http";
import type { PreparedRequest } from "./requests";
import { send, Tally } from "./send";

export type OpenLoopOptions = { rate: number; timeoutMs: number; maxSockets: number };

export type OpenLoopResult = { tally: Tally; seconds: number; socketsUsed: number; peakInFlight: number; maxDepartureLagMs: number };

export async function openLoop(port: number, requests: PreparedRequest[], options: OpenLoopOptions): Promise<OpenLoopResult> {
  // FIFO: every pooled socket is reused in turn, so none sits idle past the server's 5 s keep-alive
  // timeout and is reused just as the server closes it (with LIFO, the default, the bottom of a pool
  // grown in a latency spike idles, and that race showed up as a few ECONNRESETs: the client's, not a refusal).
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: "fifo" });
  const tally = new Tally();
  const sockets = new Set<unknown>();
  const pending: Promise<void>[] = [];
  const interval = 1000 / options.rate;
  const start = performance.now() + 20;
  let next = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let maxDepartureLagMs = 0;

  const depart = (i: number) => {
    const due = start + i * interval;
    maxDepartureLagMs = Math.max(maxDepartureLagMs, performance.now() - due);
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    const onSocket = (socket: unknown) => sockets.add(socket);
    pending.push(
      send(agent, port, requests[i], options.timeoutMs, onSocket).then((answer) => {
        inFlight--;
        tally.add({ ...answer, ms: performance.now() - due });
      }),
    );
  };

  try {
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now();
        while (next < requests.length && start + next * interval <= now) depart(next++);
        if (next === requests.length) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    await Promise.all(pending);
  } finally {
    agent.destroy();
  }
  return { tally, seconds: (performance.now() - start) / 1000, socketsUsed: sockets.size, peakInFlight, maxDepartureLagMs };
}
