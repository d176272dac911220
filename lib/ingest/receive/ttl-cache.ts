type Entry<V> = { at: number; value: Promise<V>; loaded?: { value: V }; refreshing?: boolean };

/**
 * A small time-bounded cache of promises (concurrent misses share one load). The callback reads
 * the account and its welcome texts on every push; a change made elsewhere (another instance,
 * the CLI) is seen within `ttlMs` (plus one load), and one made in this process at once (`clear`).
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 10_000,
    /** How long past `ttlMs` peek() still answers with the old value while a reload runs. */
    private readonly staleMs = 30_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    return this.load(key, load);
  }

  /**
   * The loaded value without a promise (the callback's hot path): fresh, or up to `staleMs` old
   * while one reload runs in the background, so a slow database never holds up the answers that
   * only need what was loaded a moment ago. Undefined when get() must load (cold, or too old).
   */
  peek(key: string, load: () => Promise<V>): { value: V } | undefined {
    const hit = this.entries.get(key);
    if (!hit?.loaded) return undefined;
    const age = Date.now() - hit.at;
    if (age < this.ttlMs) return hit.loaded;
    if (age >= this.ttlMs + this.staleMs) return undefined;
    if (!hit.refreshing) {
      hit.refreshing = true;
      const next = load();
      next.then(
        (value) => this.entries.get(key) === hit && this.store(key, { at: Date.now(), value: next, loaded: { value } }),
        () => void (hit.refreshing = false), // the next peek tries again; get() once it is too old
      );
    }
    return hit.loaded;
  }

  clear() {
    this.entries.clear();
  }

  private load(key: string, load: () => Promise<V>): Promise<V> {
    const value = load();
    const entry: Entry<V> = { at: Date.now(), value };
    this.store(key, entry);
    value.then((loaded) => void (entry.loaded = { value: loaded }), () => {});
    value.catch(() => this.entries.get(key) === entry && this.entries.delete(key)); // never cache a failure
    return value;
  }

  private store(key: string, entry: Entry<V>) {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
