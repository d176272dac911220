import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { wechatRequest } from "./api-client";
import { WechatApiError, WechatNetworkError } from "./wechat-error";

let server: http.Server;
let base: string;
const seen: { method?: string; url?: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method, url: request.url, body });
      const path = new URL(request.url ?? "/", "http://x").pathname;
      if (path === "/slow") return; // never answers
      if (path === "/html") return response.end("<html>502 Bad Gateway</html>");
      if (path === "/down") return response.writeHead(503).end("{}");
      if (path === "/error") return response.end(JSON.stringify({ errcode: 40164, errmsg: "invalid ip 1.2.3.4, not in whitelist" }));
      response.end(JSON.stringify({ errcode: 0, errmsg: "ok", echo: body ? JSON.parse(body) : null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.WECHAT_API_BASE = `${base}/`;
  resetEnvForTests();
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("wechatRequest", () => {
  it("GETs with the query and POSTs JSON", async () => {
    await wechatRequest("/ok", { query: { access_token: "T", openid: "o1", skipped: undefined } });
    expect(seen.at(-1)).toMatchObject({ method: "GET", url: "/ok?access_token=T&openid=o1" });
    const result = await wechatRequest<{ echo: unknown }>("/ok", { body: { scene: { scene_id: 1 } } });
    expect(seen.at(-1)?.method).toBe("POST");
    expect(result.echo).toEqual({ scene: { scene_id: 1 } });
  });

  it("throws WechatApiError for a non-zero errcode", async () => {
    const error = await wechatRequest("/error", { query: { access_token: "SECRET_TOKEN" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatApiError);
    expect((error as WechatApiError).errcode).toBe(40164);
    expect((error as WechatApiError).hint.en).toContain("1.2.3.4");
    expect((error as Error).message).not.toContain("SECRET_TOKEN");
  });

  it.each([
    ["a timeout", "/slow", /timed out after 200 ms/],
    ["an HTTP error", "/down", /HTTP 503/],
    ["a non-JSON body", "/html", /not JSON/],
  ])("throws WechatNetworkError for %s, without the token", async (_, path, reason) => {
    const error = await wechatRequest(path, { query: { access_token: "SECRET_TOKEN" }, timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatNetworkError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain(base);
    expect((error as Error).message).not.toContain("SECRET_TOKEN");
  });
});
