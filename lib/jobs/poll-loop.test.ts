import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forwardNudgesTo, nudgeLoop, pollLoop } from "./poll-loop";

let names = 0;
const fresh = () => `test-loop-${++names}`; // loops live on globalThis: one name per test

describe("pollLoop", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    forwardNudgesTo(() => {});
  });

  it("runs a round after firstMs, then every pollMs, and again soon when a round leaves work", async () => {
    const rounds: number[] = [];
    let left = 2;
    const loop = pollLoop({ name: fresh(), pollMs: 1000, againMs: 10, firstMs: 5, round: async () => (rounds.push(Date.now()), left-- > 0) });
    const start = Date.now();
    loop.start();
    await vi.advanceTimersByTimeAsync(5);
    expect(rounds).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20); // two rounds left work: 10 ms apart
    expect(rounds).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(999);
    expect(rounds).toHaveLength(3); // the idle poll waits its 1,000 ms
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds.map((t) => t - start)).toEqual([5, 15, 25, 1025]);
  });

  it("never runs two rounds at once: a nudge during a round brings the next one soon after", async () => {
    let running = 0;
    let most = 0;
    let release = () => {};
    const loop = pollLoop({
      name: fresh(), pollMs: 10_000, againMs: 10,
      round: () => new Promise<void>((resolve) => { running++; most = Math.max(most, running); release = () => (running--, resolve()); }),
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    loop.nudge();
    loop.nudge();
    await vi.advanceTimersByTimeAsync(100);
    expect(most).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(10);
    expect(running).toBe(1); // the nudged round, 10 ms after the first ended
    release();
    expect(most).toBe(1);
  });

  it("retries a failed round after retryMs", async () => {
    let calls = 0;
    const loop = pollLoop({ name: fresh(), pollMs: 10_000, retryMs: 50, round: async () => { calls++; if (calls === 1) throw new Error("database away"); } });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toBe(2);
  });

  it("sends a nudge for a loop this thread does not run to where it runs, and nudges a running loop by name", async () => {
    const forwarded: string[] = [];
    forwardNudgesTo((name) => forwarded.push(name));
    const name = fresh();
    let calls = 0;
    const here = pollLoop({ name, pollMs: 60_000, againMs: 10, round: async () => void calls++ });
    here.nudge(); // not started in this thread: the attribution thread runs it
    expect(forwarded).toEqual([name]);
    expect(calls).toBe(0);

    here.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    nudgeLoop(name); // what the thread does with a forwarded nudge
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(2);
    expect(forwarded).toEqual([name]); // a started loop's nudges stay here
    nudgeLoop("no-such-loop"); // nothing by that name here: ignored
  });
});
