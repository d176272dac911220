/**
 * A small time-bounded cache of promises (concurrent misses share one load). The callback reads
 * the account and its welcome texts on every push; a change made elsewhere (another instance,
 * the CLI) is seen within `ttlMs`, and one made in this process at once (`clear`).
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V>; loaded?: { value: V } }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 10_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    const entry: { at: number; value: Promise<V>; loaded?: { value: V } } = { at: now, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.then((loaded) => void (entry.loaded = { value: loaded }), () => {});
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key)); // never cache a failure
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** The fresh loaded value, without a promise (the callback's hot path); undefined when get() must load. */
  peek(key: string): { value: V } | undefined {
    const hit = this.entries.get(key);
    return hit && Date.now() - hit.at < this.ttlMs ? hit.loaded : undefined;
  }

  clear() {
    this.entries.clear();
  }
}
