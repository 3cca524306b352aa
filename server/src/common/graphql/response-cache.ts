import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequest } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { Context } from '../../context.js';
import type { Logger } from '../../logger.js';
import { listenToChannels } from '../db/listen.js';
import { localeFromHeader } from '../i18n/locale.js';
import { isAuthenticated } from '../tenancy/actor.js';
import type { CostRateLimiter, RateLimits } from './rate-limit.js';

/** The channel a trigger on every table notifies, once per writing transaction (see the migration). */
export const DATA_CHANGED_CHANNEL = 'otklik_data_changed';

export interface ResponseCacheOptions {
  /** Most responses kept; the least recently used go first. */
  maxEntries: number;
  /** Most bytes of serialized responses kept. */
  maxBytes: number;
}

interface Entry {
  version: number;
  bytes: number;
  result: Record<string, unknown>;
  /** The response as sent, serialized once. */
  json: string;
  /** What the operation costs under the rate limits: a cached answer is charged the same. */
  cost: number;
}

/**
 * Whole responses to anonymous queries, keyed by everything such a response depends on: the query, its
 * operation name and variables, and the language (anonymous visibility is the same for every caller).
 * Any committed write anywhere makes every entry stale: writes through this process as their response
 * is sent, writes by other processes and workers when PostgreSQL's notification arrives. Until the
 * notification listener is connected, and after it loses its connection, nothing is served from it.
 */
export class ResponseCache {
  #entries = new Map<string, Entry>();
  #bytes = 0;
  #version = 0;
  #listening = false;
  #dependents = new Set<() => void>();
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResponseCacheOptions) {}

  /** The current data version; a response read after this moment is stored under it. */
  get version(): number {
    return this.#version;
  }

  get active(): boolean {
    return this.#listening && this.options.maxEntries > 0;
  }

  /** Whether committed writes are being heard (only then is anything read earlier still trusted). */
  get listening(): boolean {
    return this.#listening;
  }

  /** Something was written: every stored response is stale. */
  invalidate(): void {
    this.#version += 1;
    this.#entries.clear();
    this.#bytes = 0;
    for (const clear of this.#dependents) clear();
  }

  /** Calls `clear` whenever this cache's data version moves, for other caches of data read under it. */
  onInvalidate(clear: () => void): void {
    this.#dependents.add(clear);
  }

  setListening(listening: boolean): void {
    this.#listening = listening;
    this.invalidate();
  }

  get(key: string): Record<string, unknown> | undefined {
    return this.entry(key)?.result;
  }

  /**
   * The stored answer with its serialized form and cost, when current. A miss is not counted here: the
   * early path and the API may both look for one request; the API counts it once (`countMiss`).
   */
  entry(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.version !== this.#version || !this.active) return undefined;
    // Most recently used last: a Map keeps insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.hits += 1;
    return entry;
  }

  countMiss(): void {
    this.misses += 1;
  }

  set(key: string, version: number, result: Record<string, unknown>, cost = 1): void {
    if (version !== this.#version || !this.active) return;
    const json = `${JSON.stringify(result)}\n`;
    const bytes = Buffer.byteLength(json);
    if (bytes > this.options.maxBytes / 10) return;
    const previous = this.#entries.get(key);
    if (previous) this.#bytes -= previous.bytes;
    this.#entries.delete(key);
    this.#entries.set(key, { version, bytes, result, json, cost });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.options.maxEntries && this.#bytes <= this.options.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** Starts listening for committed writes; the cache serves only while the listener is connected. */
export function listenForDataChanges(cache: ResponseCache, url: string, logger: Logger): { stop(): Promise<void> } {
  return listenToChannels(
    url,
    logger,
    { [DATA_CHANGED_CHANNEL]: () => cache.invalidate() },
    undefined,
    () => cache.setListening(true),
    () => cache.setListening(false),
  );
}

function cacheKey(request: Pick<GraphQLRequest, 'query' | 'operationName' | 'variables'>, locale: string): string {
  return createHash('sha256')
    .update(JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}, locale]))
    .digest('base64url');
}

/**
 * The fast path for the usual case, before authentication and GraphQL: an anonymous POST of one
 * operation whose answer is current in the cache is sent as stored, charged its cost to the client
 * address like any other request. Anything else (a miss, a token, a spent budget) goes on to the API.
 */
export function serveCachedResponses(
  cache: ResponseCache,
  limiter: CostRateLimiter,
  rates: RateLimits,
): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (
      !cache.active ||
      req.method !== 'POST' ||
      req.headers.authorization !== undefined ||
      typeof body?.query !== 'string' ||
      (body.operationName != null && typeof body.operationName !== 'string') ||
      (body.variables != null && typeof body.variables !== 'object')
    ) {
      return next();
    }
    const locale = localeFromHeader(req.header('accept-language'));
    const entry = cache.entry(
      cacheKey(
        {
          query: body.query,
          operationName: (body.operationName as string | null | undefined) ?? undefined,
          variables: (body.variables as Record<string, unknown> | null | undefined) ?? undefined,
        },
        locale,
      ),
    );
    if (!entry) return next();
    if (!limiter.take([{ key: `ip:${req.ip ?? ''}`, perMinute: rates.perIpPerMinute }], entry.cost).ok) return next();
    res.status(200).set('x-otklik-cache', 'hit').type('application/json; charset=utf-8').send(entry.json);
  };
}

/**
 * Serves anonymous queries from the cache and stores their error-free responses; after any mutation
 * through this process the cache is emptied before the mutation's response leaves, so the caller's
 * next read sees its write.
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let store: { key: string; version: number } | undefined;
      let mutation = false;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation') mutation = true;
        },
        async responseForOperation({ operation, contextValue, request }) {
          if (operation?.operation !== 'query' || isAuthenticated(contextValue.actor) || !cache.active) return null;
          const key = cacheKey(request, contextValue.locale);
          const cached = cache.get(key);
          if (cached) {
            const headers = new HeaderMap([['x-otklik-cache', 'hit']]);
            return { body: { kind: 'single', singleResult: cached }, http: { headers, status: 200 } };
          }
          cache.countMiss();
          // The version before anything is read: a write committed meanwhile makes this response stale at once.
          store = { key, version: cache.version };
          return null;
        },
        async willSendResponse({ response, contextValue }) {
          if (mutation) {
            cache.invalidate();
            return;
          }
          if (!store || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || !result.data) return;
          cache.set(store.key, store.version, result as Record<string, unknown>, contextValue.operationCost);
        },
      };
    },
  };
}
