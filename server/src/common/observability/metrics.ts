import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response, Router } from 'express';
import express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PostgreSqlConnection } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import type { ResponseCache } from '../graphql/response-cache.js';
import type { Orm } from '../../db/orm.js';
import { DomainError, InputErrors } from '../errors/domain-error.js';

const EXACT_ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/config.json', '/exports/ratings.csv']);
const PREFIX_ROUTES: Array<[string, string]> = [
  ['/badge/', '/badge/:slug'],
  ['/realms/', '/realms/*'],
];

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Metrics {
  registry: Registry;
  /** Times every HTTP request by method, route (not raw path: bounded labels) and status. */
  http: (req: Request, res: Response, next: NextFunction) => void;
  /** Times GraphQL operations by name and type, and counts errors by code. */
  graphql: ApolloServerPlugin<Context>;
  /** GET /metrics in Prometheus' text format; with a token, only for `Authorization: Bearer <token>`. */
  router(token?: string): Router;
}

/** The application's metrics, in their own registry (several apps may share a process in tests). */
export function createMetrics(orm: Orm, responseCache?: ResponseCache): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'otklik_' });
  const httpDuration = new Histogram({
    name: 'otklik_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const operationDuration = new Histogram({
    name: 'otklik_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by operation name and type',
    labelNames: ['operation', 'type'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'otklik_graphql_errors_total',
    help: 'GraphQL errors by code',
    labelNames: ['code'],
    registers: [registry],
  });
  new Gauge({
    name: 'otklik_db_pool_connections',
    help: 'Database pool connections by state (in use, idle, requests waiting for one)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const pool = await (orm.em.getConnection() as unknown as PostgreSqlConnection).getNativeClient();
      this.set({ state: 'used' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });

  // The cache counts for itself; these read its counts at each scrape.
  const fromCache = (read: (cache: ResponseCache) => number) =>
    function (this: Counter | Gauge) {
      if (!responseCache) return;
      this.reset();
      this.inc(read(responseCache));
    };
  new Counter({
    name: 'otklik_response_cache_hits_total',
    help: 'Anonymous queries answered from the response cache',
    registers: [registry],
    collect: fromCache((cache) => cache.hits),
  });
  new Counter({
    name: 'otklik_response_cache_misses_total',
    help: 'Anonymous queries the response cache could not answer',
    registers: [registry],
    collect: fromCache((cache) => cache.misses),
  });
  new Gauge({
    name: 'otklik_response_cache_entries',
    help: 'Answers held in the response cache',
    registers: [registry],
    collect: fromCache((cache) => cache.size),
  });

  // Route labels from a fixed set: a raw path would let any client grow the label set without end.
  const routeOf = (req: Request) => {
    const path = req.baseUrl || req.path;
    if (EXACT_ROUTES.has(path)) return path;
    return PREFIX_ROUTES.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'other';
  };

  // Operation names come from clients: bounded, so a client cannot grow the label set without end.
  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    if (!name) return 'anonymous';
    if (names.has(name)) return name;
    if (names.size >= 200 || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
    names.add(name);
    return name;
  };

  return {
    registry,
    http(req, res, next) {
      const stop = httpDuration.startTimer();
      res.on('finish', () => stop({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
      next();
    },
    graphql: {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async didEncounterErrors({ errors: encountered }) {
            for (const error of encountered) {
              const original = error.originalError;
              const code =
                original instanceof DomainError
                  ? original.code
                  : original instanceof InputErrors
                    ? 'BAD_USER_INPUT'
                    : String(error.extensions?.code ?? 'INTERNAL');
              errors.inc({ code });
            }
          },
          async willSendResponse({ operation, operationName }) {
            operationDuration.observe(
              { operation: operationLabel(operationName), type: operation?.operation ?? 'unknown' },
              Number(process.hrtime.bigint() - started) / 1e9,
            );
          },
        };
      },
    },
    router(token) {
      const router = express.Router();
      router.get('/metrics', async (req, res) => {
        if (token && req.header('authorization') !== `Bearer ${token}`) {
          res.status(401).json({ error: 'metrics need a token' });
          return;
        }
        res.setHeader('Content-Type', registry.contentType);
        res.send(await registry.metrics());
      });
      return router;
    },
  };
}
