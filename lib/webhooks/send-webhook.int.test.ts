import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { sendWebhook } from "./send-webhook";

// One attempt against real sockets: what is recorded for a slow receiver, a huge answer, a redirect
// and a refused target.
let server: http.Server;
let base = "";

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
  resetEnvForTests();
  server = http.createServer((req, res) => {
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2000);
    if (req.url === "/huge") {
      res.writeHead(200);
      const chunk = "x".repeat(64 * 1024);
      const pump = () => { while (res.write(chunk)); };
      res.on("drain", pump);
      return pump(); // never ends: only the excerpt may be read
    }
    if (req.url === "/redirect") return void res.writeHead(302, { location: "http://169.254.169.254/" }).end();
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const out = (path: string) => ({ url: `${base}${path}`, secret: "s", body: "{}", type: "ping", eventId: "ping_1", deliveryId: 1 });

describe("sendWebhook", () => {
  it("gives up on a slow receiver at the timeout, without a status", async () => {
    const r = await sendWebhook(out("/slow"), 300);
    expect(r).toMatchObject({ ok: false, statusCode: null, error: "No answer within 0.3 s" });
    expect(r.durationMs).toBeLessThan(1500);
  });

  it("reads only the start of a huge answer", async () => {
    const r = await sendWebhook(out("/huge"), 5000);
    expect(r).toMatchObject({ ok: true, statusCode: 200 });
    expect(r.response).toHaveLength(300);
  });

  it("does not follow redirects, and says so", async () => {
    expect(await sendWebhook(out("/redirect"))).toMatchObject({ ok: false, statusCode: 302, error: "Redirects are not followed" });
  });

  it("refuses a private target when private targets are not allowed, sending nothing", async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "0";
    resetEnvForTests();
    try {
      const r = await sendWebhook(out("/"));
      expect(r).toMatchObject({ ok: false, statusCode: null });
      expect(r.error).toMatch(/loopback or private/);
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
      resetEnvForTests();
    }
  });

  it("connects to the address the check passed: a name re-pointed at a private address is refused at connect time", async () => {
    const port = Number(new URL(base).port);
    const asked: string[] = [];
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "0";
    resetEnvForTests();
    try {
      const refused = await sendWebhook({ ...out("/"), url: `http://hooks.rebind.test:${port}/` }, 2000, { resolve: async (h) => (asked.push(h), [{ address: "127.0.0.1", family: 4 }]) });
      expect(refused).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/hooks\.rebind\.test is a loopback or private address/) });
      const mixed = await sendWebhook({ ...out("/"), url: `http://hooks.rebind.test:${port}/` }, 2000, { resolve: async () => [{ address: "203.0.113.7", family: 4 }, { address: "10.0.0.5", family: 4 }] });
      expect(mixed.error).toMatch(/loopback or private/); // one private answer among public ones is enough to refuse
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
      resetEnvForTests();
    }
    // Allowed (tests, an intranet): the one resolution the socket made is the address it connected to.
    const delivered = await sendWebhook({ ...out("/"), url: `http://hooks.rebind.test:${port}/` }, 2000, { resolve: async (h) => (asked.push(h), [{ address: "127.0.0.1", family: 4 }]) });
    expect(delivered).toMatchObject({ ok: true, statusCode: 200, response: "ok" });
    expect(asked).toEqual(["hooks.rebind.test", "hooks.rebind.test"]);
  });

  it("reports a receiver that is not listening by the socket's error code", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await sendWebhook({ ...out("/"), url: `http://127.0.0.1:${port}/` }, 2000)).toMatchObject({ ok: false, statusCode: null, error: "ECONNREFUSED" });
  });
});
