import { afterEach, describe, expect, it, vi } from "vitest";
import { TtlCache } from "./ttl-cache";

afterEach(() => vi.useRealTimers());
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("TtlCache", () => {
  it("shares one load between concurrent misses and peeks the loaded value without a promise while fresh", async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ["Date"] });
    const cache = new TtlCache<string>(2000);
    const load = vi.fn(async () => "account");
    const [a, b] = [cache.get("wx1", load), cache.get("wx1", load)];
    expect(cache.peek("wx1", load)).toBeUndefined(); // still loading
    expect(await a).toBe("account");
    expect(await b).toBe("account");
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.peek("wx1", load)).toEqual({ value: "account" });
    cache.clear();
    expect(cache.peek("wx1", load)).toBeUndefined();
  });

  it("answers a stale value while one reload runs, then the new one; too old is a miss", async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ["Date"] });
    const cache = new TtlCache<string>(2000, 100, 30_000);
    await cache.get("wx1", async () => "v1");
    vi.setSystemTime(1_002_500);
    let finish!: (v: string) => void;
    const reload = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    expect(cache.peek("wx1", reload)).toEqual({ value: "v1" }); // stale, reloading
    expect(cache.peek("wx1", reload)).toEqual({ value: "v1" });
    expect(reload).toHaveBeenCalledTimes(1);
    finish("v2");
    await settle();
    expect(cache.peek("wx1", reload)).toEqual({ value: "v2" });
    vi.setSystemTime(1_002_500 + 2000 + 30_000);
    expect(cache.peek("wx1", reload)).toBeUndefined(); // past staleMs: get() must load
  });

  it("never caches a failed load, and a failed reload keeps the old value for the next try", async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ["Date"] });
    const cache = new TtlCache<string>(2000);
    await expect(cache.get("wx2", async () => Promise.reject(new Error("busy")))).rejects.toThrow("busy");
    expect(cache.peek("wx2", async () => "x")).toBeUndefined();
    expect(await cache.get("wx2", async () => "second")).toBe("second");
    vi.setSystemTime(1_003_000);
    const failing = vi.fn(async () => Promise.reject(new Error("locked")));
    expect(cache.peek("wx2", failing)).toEqual({ value: "second" });
    await settle();
    expect(cache.peek("wx2", async () => "third")).toEqual({ value: "second" }); // tries again
    await settle();
    expect(cache.peek("wx2", failing)).toEqual({ value: "third" });
  });
});
