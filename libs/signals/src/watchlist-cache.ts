/**
 * A bounded, single-flight result cache of versioned data: one entry per key, valid for one data
 * version. Concurrent callers of a key and version share one computation (its promise is stored at
 * once); another version replaces the entry (the old result is dead); a failed computation is
 * forgotten; beyond `capacity` keys the least recently used goes.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();
  /** Computations started (misses): for tests that prove concurrent readers share one. */
  computations = 0;

  constructor(private readonly capacity: number) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    // Most recently used last (a Map keeps insertion order).
    this.entries.delete(key);
    if (cached?.version === version) {
      this.entries.set(key, cached);
      return cached.value;
    }
    this.computations++;
    const entry = { version, value: compute() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return entry.value;
  }
}
