// Closed loop: `connections` keep-alive connections, each sending its next request as soon as the
// previous answer arrives. Answers during the warm-up are not counted; the measured window is
// `seconds` long (or shorter if the prepared requests run out, which the result reports).
import http from "node:http";
import type { PreparedRequest } from "./requests";
import { send, Tally } from "./send";

export type ClosedLoopOptions = { connections: number; warmUpSeconds: number; seconds: number; timeoutMs: number };

/** `acknowledged` counts the warm-up's successes too: every one of them must have been stored. */
export type ClosedLoopResult = { tally: Tally; perSecond: number; seconds: number; exhausted: boolean; acknowledged: number };

export async function closedLoop(port: number, next: (i: number) => PreparedRequest | undefined, options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const tally = new Tally();
  const start = performance.now();
  const measureFrom = start + options.warmUpSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  let index = 0;
  let exhausted = false;
  let lastAnswer = measureFrom;
  let acknowledged = 0;

  const connection = async () => {
    while (performance.now() < end) {
      const request = next(index++);
      if (!request) {
        exhausted = true;
        return;
      }
      const sentAt = performance.now();
      const answer = await send(agent, port, request, options.timeoutMs);
      if (answer.ok) acknowledged++;
      if (sentAt >= measureFrom) {
        tally.add(answer);
        lastAnswer = performance.now();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, connection));
  } finally {
    agent.destroy();
  }
  const seconds = Math.max(lastAnswer - measureFrom, 1) / 1000;
  return { tally, perSecond: tally.ok / seconds, seconds, exhausted, acknowledged };
}
