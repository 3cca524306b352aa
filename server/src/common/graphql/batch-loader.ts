import { InvariantError } from '../errors/domain-error.js';

/**
 * Per-request batching: every `load` issued in the same tick becomes one `fetch` call,
 * so field resolvers over a list cost one query, not one per row.
 */
export class BatchLoader<K, V> {
  private pending = new Map<K, Array<(value: V | undefined) => void>>();
  private failures = new Map<K, Array<(error: unknown) => void>>();
  private cache = new Map<K, Promise<V | undefined>>();
  private scheduled = false;

  constructor(private readonly fetch: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V | undefined> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      this.pending.set(key, [...(this.pending.get(key) ?? []), resolve]);
      this.failures.set(key, [...(this.failures.get(key) ?? []), reject]);
    });
    this.cache.set(key, promise);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.dispatch());
    }
    return promise;
  }

  /** Like `load`, for keys that must exist (foreign keys): a missing row is an internal error. */
  async loadOrFail(key: K, what: string): Promise<V> {
    const value = await this.load(key);
    if (value === undefined) throw new InvariantError(`${what} ${String(key)} not found`);
    return value;
  }

  /** Forgets cached values, e.g. after a mutation changed them. */
  clear(): void {
    this.cache.clear();
  }

  private async dispatch(): Promise<void> {
    const pending = this.pending;
    const failures = this.failures;
    this.pending = new Map();
    this.failures = new Map();
    this.scheduled = false;
    try {
      const found = await this.fetch([...pending.keys()]);
      for (const [key, resolvers] of pending) resolvers.forEach((resolve) => resolve(found.get(key)));
    } catch (error) {
      for (const [key, rejecters] of failures) {
        this.cache.delete(key);
        rejecters.forEach((reject) => reject(error));
      }
    }
  }
}
