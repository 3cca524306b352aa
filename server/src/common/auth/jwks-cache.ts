import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { KeyResolver } from './keycloak-adapter.js';

export class JwksUnavailableError extends Error {
  override name = 'JwksUnavailableError';
}

export class UnknownSigningKeyError extends Error {
  override name = 'UnknownSigningKeyError';
}

/**
 * The realm's public signing keys by kid. An unknown kid triggers one refetch (keys rotated
 * without a restart), at most once per `minRefreshIntervalMs` so forged kids cannot flood the IdP.
 */
export class JwksCache implements KeyResolver {
  #keys = new Map<string, KeyObject>();
  #lastFetchAt = 0;
  #lastError: Error | undefined;
  #inflight: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    private readonly minRefreshIntervalMs: number,
    private readonly timeoutMs = 5_000,
  ) {}

  async getJWK(kid: string | undefined): Promise<KeyObject> {
    if (!kid) throw new UnknownSigningKeyError('token header has no kid');
    const cached = this.#keys.get(kid);
    if (cached) return cached;

    const coolingDown = this.#lastFetchAt > 0 && Date.now() - this.#lastFetchAt < this.minRefreshIntervalMs;
    if (!coolingDown || this.#inflight) await this.refresh();
    else if (this.#lastError) throw new JwksUnavailableError(this.#lastError.message);

    const key = this.#keys.get(kid);
    if (!key) throw new UnknownSigningKeyError(`signing key "${kid}" is not in the realm's JWKS`);
    return key;
  }

  refresh(): Promise<void> {
    this.#inflight ??= this.#fetch().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #fetch(): Promise<void> {
    this.#lastFetchAt = Date.now();
    try {
      const response = await fetch(this.url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { keys?: JsonWebKey[] };
      if (!Array.isArray(body.keys)) throw new Error('response has no "keys" array');
      this.#keys = new Map(
        body.keys
          .filter((jwk) => jwk.kty === 'RSA' && typeof jwk.kid === 'string' && (jwk.use ?? 'sig') === 'sig')
          .map((jwk) => [jwk.kid as string, createPublicKey({ key: jwk, format: 'jwk' })]),
      );
      this.#lastError = undefined;
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.#lastError = new JwksUnavailableError(`JWKS unavailable at ${this.url}: ${reason}`, { cause });
      throw this.#lastError;
    }
  }
}
