import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { config, proxy } from "./proxy";

const matcher = new RegExp(`^${config.matcher[0].source}$`);

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
  resetEnvForTests();
});

describe("proxy.ts", () => {
  it("never runs on /api (the WeChat callback above all) or static assets, and runs on every page", () => {
    for (const path of ["/api/wechat/wx0123456789abcdef", "/api/health", "/api", "/api/v1/promoters", "/_next/static/chunks/a.js", "/favicon.ico"]) {
      expect(matcher.test(path), path).toBe(false);
    }
    for (const path of ["/", "/login", "/setup", "/settings", "/promoters/abc", "/p/token", "/apis", "/print/sheet"]) {
      expect(matcher.test(path), path).toBe(true);
    }
  });

  it("puts one fresh nonce in both the response's CSP and the request's (where Next.js reads it)", () => {
    const response = proxy(new NextRequest("http://127.0.0.1:3000/login"));
    const csp = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    const again = proxy(new NextRequest("http://127.0.0.1:3000/login")).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends HSTS when the public URL is https", () => {
    process.env.NEXTAUTH_URL = "https://scenecode.example.com";
    resetEnvForTests();
    const response = proxy(new NextRequest("https://scenecode.example.com/"));
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  });
});
