import type { ResponseCache } from '../../common/graphql/response-cache.js';
import type { OrganisationRole } from '../../common/tenancy/actor.js';

/**
 * Whom a signed-in caller acts for (a person's memberships, with no invitation pending for their e-mail; an
 * API client's organisation and role), remembered between requests so that a repeated caller costs no lookup.
 * It shares the response cache's data version: any committed write, here or in another process (heard
 * through PostgreSQL's notification), forgets everything, and nothing is remembered or served while the
 * notifications are not heard.
 */
export class MembershipCache {
  #entries = new Map<string, { version: number; memberships: OrganisationRole[] }>();

  constructor(
    private readonly data: ResponseCache,
    private readonly maxEntries = 10_000,
  ) {
    data.onInvalidate(() => this.#entries.clear());
  }

  /** The data version a lookup starting now reads under. */
  get version(): number {
    return this.data.version;
  }

  get(key: string): OrganisationRole[] | undefined {
    if (!this.data.listening) return undefined;
    const entry = this.#entries.get(key);
    return entry && entry.version === this.data.version ? entry.memberships : undefined;
  }

  /** Remembers what a lookup that started at `version` read, unless something was written since. */
  set(key: string, version: number, memberships: OrganisationRole[]): void {
    if (!this.data.listening || version !== this.data.version) return;
    this.#entries.delete(key);
    this.#entries.set(key, { version, memberships });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
