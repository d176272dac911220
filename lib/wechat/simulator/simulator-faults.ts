// Failures the simulator injects on purpose: WeChat errcodes, slow answers and answers that never come.
type Pending = { remaining: number; path?: string; after?: number };
export type InjectedFailure = Pending & { errcode: number };
export type SimulatorFaultsSnapshot = { failures: InjectedFailure[]; hangs: Pending[]; latencyMs: Record<string, number> };

const ANY_PATH = "*";

function take<T extends Pending>(queue: T[], path: string): T | undefined {
  const entry = queue.find((e) => e.remaining > 0 && (e.path === undefined || e.path === path));
  if (!entry) return undefined;
  if (entry.after) {
    entry.after -= 1; // a call let through before the failure starts
    return undefined;
  }
  entry.remaining -= 1;
  if (entry.remaining === 0) queue.splice(queue.indexOf(entry), 1);
  return entry;
}

function checkCount(count: number) {
  if (!Number.isInteger(count) || count < 1) throw new RangeError("count must be a positive integer");
}

export class SimulatorFaults {
  private readonly failures: InjectedFailure[] = [];
  private readonly hangs: Pending[] = [];
  private readonly latency = new Map<string, number>();

  /** The next `count` calls (to `path`, or to any endpoint) answer with this errcode, once `after` calls have succeeded. */
  failNext(errcode: number, count = 1, path?: string, after = 0) {
    checkCount(count);
    if (!Number.isInteger(after) || after < 0) throw new RangeError("after must be zero or a positive integer");
    this.failures.push({ errcode, remaining: count, path, ...(after ? { after } : {}) });
  }

  takeFailure(path: string): number | undefined {
    return take(this.failures, path)?.errcode;
  }

  /** The next `count` calls (to `path`, or to any endpoint) are accepted and never answered, until the simulator closes. */
  hangNext(count = 1, path?: string) {
    checkCount(count);
    this.hangs.push({ remaining: count, path });
  }

  takeHang(path: string): boolean {
    return take(this.hangs, path) !== undefined;
  }

  /** Delays every answer (to `path`, or to any endpoint without its own delay) by ms; 0 removes the delay. */
  setLatency(ms: number, path?: string) {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("ms must be zero or more");
    if (ms === 0) this.latency.delete(path ?? ANY_PATH);
    else this.latency.set(path ?? ANY_PATH, ms);
  }

  latencyFor(path: string): number {
    return this.latency.get(path) ?? this.latency.get(ANY_PATH) ?? 0;
  }

  clear() {
    this.failures.length = 0;
    this.hangs.length = 0;
    this.latency.clear();
  }

  snapshot(): SimulatorFaultsSnapshot {
    return {
      failures: this.failures.map((f) => ({ ...f })),
      hangs: this.hangs.map((h) => ({ ...h })),
      latencyMs: Object.fromEntries(this.latency),
    };
  }
}
