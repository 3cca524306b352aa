import { GraphQLError } from 'graphql';
import { inCurrentLocale } from '../i18n/locale.js';

/** Cost points per minute: per client address (anonymous) and per organisation acted for. 0 switches a limit off. */
export interface RateLimits {
  perIpPerMinute: number;
  perOrganisationPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perIpPerMinute: 60_000, perOrganisationPerMinute: 120_000 };

interface Bucket {
  points: number;
  at: number;
}

/**
 * Token buckets in this process, charged with each operation's cost: a bucket holds a minute's points
 * and refills continuously. With several API processes each enforces its own share behind the balancer.
 */
export class CostRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Charges `cost` to every key that has a limit; on refusal charges none and says when to retry. */
  take(
    charges: Array<{ key: string; perMinute: number }>,
    cost: number,
  ): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.clock();
    const active = charges.filter((c) => c.perMinute > 0);
    const buckets = active.map((c) => {
      const rate = c.perMinute / 60_000;
      const bucket = this.buckets.get(c.key) ?? { points: c.perMinute, at: now };
      bucket.points = Math.min(c.perMinute, bucket.points + (now - bucket.at) * rate);
      bucket.at = now;
      this.buckets.set(c.key, bucket);
      return { bucket, rate };
    });
    const short = buckets.filter(({ bucket }) => bucket.points < cost);
    if (short.length) {
      const wait = Math.max(...short.map(({ bucket, rate }) => (cost - bucket.points) / rate));
      return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
    }
    for (const { bucket } of buckets) bucket.points -= cost;
    if (++this.takes % 10_000 === 0) this.sweep(now);
    return { ok: true };
  }

  /** Forgets buckets idle for over a minute: they would be full again anyway. */
  private sweep(now: number) {
    for (const [key, bucket] of this.buckets) if (now - bucket.at > 60_000) this.buckets.delete(key);
  }
}

export function rateLimitedError(retryAfter: number): GraphQLError {
  const message = {
    ru: `Слишком много запросов; повторите через ${retryAfter} с`,
    en: `Too many requests; retry in ${retryAfter} s`,
  };
  return new GraphQLError(inCurrentLocale(message), {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfter,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
    },
  });
}
