import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { captureLog, createLogger } from "./logger";
import { requestId, requestLog } from "./request-id";

function collect(format: "json" | "pretty") {
  const out: string[] = [];
  const destination = new Writable({ write: (chunk, _encoding, done) => (out.push(String(chunk)), done()) });
  return { out, logger: createLogger({ format, level: "info", destination }) };
}

describe("the server log", () => {
  it("writes one JSON object a line, with level, ISO time, pid and the fields given", () => {
    const { out, logger } = collect("json");
    logger.warn({ appId: "wx0123456789abcdef", openid: "o1" }, "push refused");
    expect(out).toHaveLength(1);
    const line = JSON.parse(out[0]);
    expect(line).toMatchObject({ level: 40, pid: process.pid, appId: "wx0123456789abcdef", openid: "o1", msg: "push refused" });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it("never writes WeChat secrets, access tokens, passwords or keys, at any of three levels of nesting", () => {
    const { out, logger } = collect("json");
    logger.error({ token: "T0ken", account: { encodingAesKey: "k".repeat(43), appSecret: "s3cret" }, request: { headers: { authorization: "Bearer sk_live" } }, access_token: "AT", password: "hunter2" }, "oops");
    const text = out.join("");
    for (const secret of ["T0ken", "k".repeat(43), "s3cret", "sk_live", "AT\"", "hunter2"]) expect(text).not.toContain(secret);
    expect(JSON.parse(text).account.appSecret).toBe("[redacted]");
  });

  it("writes readable lines (no JSON) in the pretty format, still without secrets", () => {
    const { out, logger } = collect("pretty");
    logger.warn({ appId: "wx1", token: "T0ken" }, "push refused");
    const text = out.join("");
    expect(text).toMatch(/WARN.*push refused/);
    expect(text).toContain("wx1");
    expect(text).not.toContain("T0ken");
    expect(() => JSON.parse(text)).toThrow();
  });

  it("keeps a proxy's request id that looks like one and replaces anything else", () => {
    const ask = (id?: string) => requestId(new Request("http://x/", { headers: id ? { "x-request-id": id } : {} }));
    expect(ask("0f3a9c1d2e4b5a6c")).toBe("0f3a9c1d2e4b5a6c");
    for (const bad of [undefined, "short", "<script>alert(1)</script>", "a".repeat(65), "id with spaces"]) {
      expect(ask(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("puts the request id and the given fields on a request's lines", () => {
    const captured = captureLog();
    try {
      requestLog(new Request("http://x/", { headers: { "x-request-id": "req-12345678" } }), { appId: "wx2" }).warn("slow");
      expect(captured.lines).toEqual([expect.objectContaining({ reqId: "req-12345678", appId: "wx2", msg: "slow" })]);
    } finally {
      captured.restore();
    }
  });
});
