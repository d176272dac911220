// A real webhook receiver for tests: an HTTP server on 127.0.0.1 that checks each delivery's
// signature with the endpoint's secret and keeps what it got. `mode` makes it answer 500 or hang up,
// `delayMs` makes it slow (a sender killed while it waits).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "../lib/webhooks/sign-webhook";

export type Received = { eventId: string; deliveryId: string; type: string; signed: boolean; body: Record<string, unknown> };

export async function startWebhookReceiver(port = 0) {
  const received: Received[] = [];
  const state = { secret: "", mode: "ok" as "ok" | "error" | "reset", delayMs: 0 };
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      if (state.mode === "reset") return void req.socket.destroy();
      const body = Buffer.concat(parts).toString("utf8");
      const signed = verifyWebhook(state.secret, { signature: req.headers["x-scenecode-signature"] as string, timestamp: req.headers["x-scenecode-timestamp"] as string }, body);
      received.push({ eventId: String(req.headers["x-scenecode-event-id"]), deliveryId: String(req.headers["x-scenecode-delivery"]), type: String(req.headers["x-scenecode-event"]), signed, body: JSON.parse(body || "{}") });
      const answer = () => {
        if (state.mode === "error") return void res.writeHead(500).end("receiver is down for maintenance");
        res.writeHead(signed ? 200 : 401, { "content-type": "text/plain" }).end(signed ? "ok" : "bad signature");
      };
      if (state.delayMs) setTimeout(answer, state.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/hook`,
    port: bound,
    received,
    state,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
