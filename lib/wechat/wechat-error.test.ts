import { describe, expect, it } from "vitest";
import { WechatApiError, wechatErrorHint, WechatNetworkError } from "./wechat-error";

describe("wechatErrorHint", () => {
  it("tells the operator what to do about the common errors", () => {
    expect(wechatErrorHint(40164).zh).toContain("IP白名单");
    expect(wechatErrorHint(40164).en).toContain("IP whitelist");
    expect(wechatErrorHint(48001).zh).toContain("已认证服务号");
    expect(wechatErrorHint(48001).en).toContain("test account");
    expect(wechatErrorHint(45009).en).toContain("tomorrow");
    expect(wechatErrorHint(40125).en).toMatch(/reset or copy/i);
    expect(wechatErrorHint(40013).en).toContain("AppID");
    expect(wechatErrorHint(-1).en).toMatch(/busy/);
  });

  it("gives all three token errors the refresh advice", () => {
    expect(wechatErrorHint(40014)).toEqual(wechatErrorHint(40001));
    expect(wechatErrorHint(42001)).toEqual(wechatErrorHint(40001));
    expect(wechatErrorHint(40001).en).toMatch(/refresh/);
  });

  it("names the rejected IP when WeChat reports it", () => {
    const hint = wechatErrorHint(40164, "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 1");
    expect(hint.en).toContain("203.0.113.7");
    expect(hint.zh).toContain("203.0.113.7");
  });

  it("falls back to a message naming the errcode", () => {
    expect(wechatErrorHint(99999).en).toContain("99999");
    expect(wechatErrorHint(99999).zh).toContain("99999");
  });
});

describe("error classes", () => {
  it("WechatApiError carries errcode, errmsg and the hint", () => {
    const error = new WechatApiError(45009, "reach max api daily quota limit", "/cgi-bin/qrcode/create");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("WechatApiError");
    expect(error.errcode).toBe(45009);
    expect(error.errmsg).toBe("reach max api daily quota limit");
    expect(error.message).toBe("WeChat API error 45009 on /cgi-bin/qrcode/create: reach max api daily quota limit");
    expect(error.hint).toEqual(wechatErrorHint(45009));
  });

  it("WechatNetworkError names the base URL", () => {
    const error = new WechatNetworkError("https://api.weixin.qq.com", "timed out after 5000 ms");
    expect(error.name).toBe("WechatNetworkError");
    expect(error.baseUrl).toBe("https://api.weixin.qq.com");
    expect(error.message).toBe("WeChat's API could not be reached at https://api.weixin.qq.com: timed out after 5000 ms");
  });
});
