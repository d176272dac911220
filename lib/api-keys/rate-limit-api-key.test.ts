import { beforeEach, describe, expect, it } from "vitest";
import { API_RATE_LIMIT, resetApiRateLimits, takeApiRequest } from "./rate-limit-api-key";

describe("takeApiRequest", () => {
  beforeEach(resetApiRateLimits);

  it("allows a burst, then refills at the steady rate", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < API_RATE_LIMIT.burst; i++) expect(takeApiRequest("k1", t0)).toEqual({ ok: true });
    expect(takeApiRequest("k1", t0)).toEqual({ ok: false, retryAfterS: 1 });
    expect(takeApiRequest("k1", t0 + 400)).toMatchObject({ ok: false });
    expect(takeApiRequest("k1", t0 + 600)).toEqual({ ok: true }); // 0.6 s × 2/s ≥ 1 token
    expect(takeApiRequest("k1", t0 + 600)).toMatchObject({ ok: false });
  });

  it("keeps keys apart", () => {
    for (let i = 0; i < 3; i++) takeApiRequest("a", 0, { burst: 3, perSecond: 1 });
    expect(takeApiRequest("a", 0, { burst: 3, perSecond: 1 })).toMatchObject({ ok: false });
    expect(takeApiRequest("b", 0, { burst: 3, perSecond: 1 })).toEqual({ ok: true });
  });
});
