import type { ResponseCache } from '../graphql/response-cache.js';

/**
 * Values computed from the database and kept between requests under the response cache's data version: any
 * committed write, here or in another process (heard through PostgreSQL's notification), forgets them all, and
 * nothing is kept or served while the notifications are not heard. For what is the same whoever asks, or is
 * keyed by who asks.
 */
export class DataVersionCache<T> {
  #entries = new Map<string, { version: number; value: T }>();

  constructor(
    private readonly data: ResponseCache,
    private readonly maxEntries = 10_000,
  ) {
    data.onInvalidate(() => this.#entries.clear());
  }

  /** The data version a computation starting now reads under. */
  get version(): number {
    return this.data.version;
  }

  get(key: string): T | undefined {
    if (!this.data.listening) return undefined;
    const entry = this.#entries.get(key);
    return entry && entry.version === this.data.version ? entry.value : undefined;
  }

  /** Keeps what a computation that started at `version` produced, unless something was written since. */
  set(key: string, version: number, value: T): void {
    if (!this.data.listening || version !== this.data.version) return;
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
