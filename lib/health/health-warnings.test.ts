import { describe, expect, it } from "vitest";
import { FORWARD_OUTCOMES, REFUSAL_REASONS } from "./callback-kinds";
import type { CallbackHealth } from "./get-callback-health";
import { healthWarnings, type WarningInput } from "./health-warnings";
import { PushRefusedError } from "../ingest/receive/open-push";
import { WechatCryptoError } from "../wechat/crypto/wechat-crypto-error";
import { WechatXmlError } from "../wechat/parse-message";
import { refusalReason } from "./record-callback";

const NOW = new Date("2026-03-10T12:00:00Z");
const callback = (over: Partial<CallbackHealth> = {}): CallbackHealth => ({
  lastPushAt: new Date(NOW.getTime() - 60_000),
  pushes1h: 1,
  pushes24h: 1,
  notStored24h: 0,
  refused: Object.fromEntries(REFUSAL_REASONS.map((r) => [r, { count24h: 0, lastAt: null }])) as CallbackHealth["refused"],
  ackP50Ms: 5,
  ackP99Ms: 10,
  untracked24h: [],
  forwarded: Object.fromEntries(FORWARD_OUTCOMES.map((o) => [o, { count24h: 0, lastAt: null }])) as CallbackHealth["forwarded"],
  ...over,
});
const input = (over: Partial<WarningInput> = {}): WarningInput => ({
  account: { mode: "safe", createdAt: new Date("2026-01-01") },
  callback: callback(),
  codes: { permanentCreated: 10, permanentLimit: 100_000, activeCodes: 10 },
  token: { expiresInS: 3600, lastRefreshAt: NOW, lastError: null },
  quota: { cgiPath: "/cgi-bin/qrcode/create", figures: { dailyLimit: 100_000, used: 5, remain: 99_995 }, fetchedAt: NOW, error: null },
  now: NOW,
  ...over,
});

describe("healthWarnings", () => {
  it("is quiet for a healthy safe-mode account", () => {
    expect(healthWarnings(input())).toEqual([]);
  });

  it("warns of a silent day only while codes are active, measured from the account's creation before any push", () => {
    const silent = callback({ lastPushAt: new Date(NOW.getTime() - 25 * 3_600_000) });
    expect(healthWarnings(input({ callback: silent }))).toEqual(["no_push_24h"]);
    expect(healthWarnings(input({ callback: silent, codes: { permanentCreated: 0, permanentLimit: 100_000, activeCodes: 0 } }))).toEqual([]);
    const young = { mode: "safe", createdAt: new Date(NOW.getTime() - 3_600_000) };
    expect(healthWarnings(input({ account: young, callback: callback({ lastPushAt: null }) }))).toEqual([]);
  });

  it("names bad signatures, an unresolved token error, a low quota, a full code budget and plain mode", () => {
    const refused = { ...callback().refused, bad_signature: { count24h: 2, lastAt: NOW } };
    const lastError = { errcode: 40125, errmsg: "invalid appsecret", at: NOW, hint: { zh: "", en: "" }, resolved: false };
    expect(healthWarnings(input({
      account: { mode: "plain", createdAt: NOW },
      callback: callback({ refused }),
      token: { expiresInS: null, lastRefreshAt: null, lastError },
      quota: { cgiPath: "/cgi-bin/qrcode/create", figures: { dailyLimit: 100_000, used: 95_000, remain: 5_000 }, fetchedAt: NOW, error: null },
      codes: { permanentCreated: 95_000, permanentLimit: 100_000, activeCodes: 1 },
    }))).toEqual(["bad_signature", "token_error", "quota_low", "code_budget_low", "safe_mode_off"]);
    expect(healthWarnings(input({ token: { expiresInS: 7000, lastRefreshAt: NOW, lastError: { ...lastError, resolved: true } } }))).toEqual([]);
  });
});

describe("refusalReason", () => {
  it("maps the callback's errors to refusal reasons", () => {
    expect(refusalReason(new PushRefusedError(401, "Signed query already used with a different body (replay)"))).toBe("replay");
    expect(refusalReason(new PushRefusedError(401, "Bad msg_signature"))).toBe("bad_signature");
    expect(refusalReason(new PushRefusedError(400, "Encrypted push, but no EncodingAESKey is configured for this account"))).toBe("decryption_failure");
    expect(refusalReason(new PushRefusedError(401, "Plaintext pushes are refused in safe mode"))).toBe("malformed");
    expect(refusalReason(new PushRefusedError(401, "CreateTime is more than 300 s from the signed timestamp"))).toBe("stale_timestamp");
    expect(refusalReason(new WechatCryptoError("padding"))).toBe("decryption_failure");
    expect(refusalReason(new WechatXmlError("broken"))).toBe("malformed");
    expect(refusalReason(new Error("database down"))).toBeNull();
  });
});
