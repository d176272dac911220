import { afterEach, describe, expect, it, vi } from "vitest";
import { TtlCache } from "./ttl-cache";

afterEach(() => vi.useRealTimers());

describe("TtlCache", () => {
  it("shares one load between concurrent misses and peeks the loaded value without a promise while fresh", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const cache = new TtlCache<string>(2000);
    const load = vi.fn(async () => "account");
    const [a, b] = [cache.get("wx1", load), cache.get("wx1", load)];
    expect(cache.peek("wx1")).toBeUndefined(); // still loading
    expect(await a).toBe("account");
    expect(await b).toBe("account");
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.peek("wx1")).toEqual({ value: "account" });
    vi.setSystemTime(1_002_000);
    expect(cache.peek("wx1")).toBeUndefined(); // stale: get() loads again
    cache.clear();
    expect(cache.peek("wx1")).toBeUndefined();
  });

  it("never caches a failed load, for get or peek", async () => {
    const cache = new TtlCache<string>(2000);
    await expect(cache.get("wx2", async () => Promise.reject(new Error("busy")))).rejects.toThrow("busy");
    expect(cache.peek("wx2")).toBeUndefined();
    expect(await cache.get("wx2", async () => "second")).toBe("second");
    expect(cache.peek("wx2")).toEqual({ value: "second" });
  });
});
