import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLError } from 'graphql';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import type { Server } from 'node:http';
import { bearerAuth } from './common/auth/bearer.js';
import type { createTokenVerifier } from './common/auth/token-verifier.js';
import { formatError, isDatabaseUnavailable } from './common/errors/format-error.js';
import { responseCachePlugin, serveCachedResponses, type ResponseCache } from './common/graphql/response-cache.js';
import { readTransactionPlugin } from './common/graphql/read-transaction.plugin.js';
import { idempotencyPlugin } from './common/graphql/idempotency.plugin.js';
import { createMetrics } from './common/observability/metrics.js';
import type { ApiClientRegistry } from './modules/api-client/api-client.registry.js';
import { defaultTargets, type WebhookTargetPolicy } from './modules/webhook/webhook-target.js';
import { DEFAULT_QUERY_LIMITS, limitValidationRules, type QueryLimits } from './common/graphql/limits.js';
import { costAndRatePlugin, tokenLimit } from './common/graphql/limits.plugin.js';
import { CostRateLimiter, DEFAULT_RATE_LIMITS, type RateLimits } from './common/graphql/rate-limit.js';
import { rejectNulCharacters } from './common/graphql/reject-nul.js';
import { currentLocale, inCurrentLocale, localeFromHeader, requestLocale } from './common/i18n/locale.js';
import { createContext, DEFAULT_SETTINGS, type Context, type Settings } from './context.js';
import type { Orm } from './db/orm.js';
import type { Logger } from './logger.js';
import { ACTIVE_ORGANISATION_HEADER, resolveActor } from './modules/member/actor.service.js';
import { MembershipCache } from './modules/member/membership-cache.js';
import { RatingsCache } from './modules/rating/rating.service.js';
import { badgeRouter } from './modules/openness/badge.route.js';
import { ratingsExportRouter } from './modules/rating/ratings-export.route.js';
import { createSchema } from './schema.js';
import { attachSubscriptions } from './subscriptions.js';

export interface AppOptions {
  orm: Orm;
  logger: Logger;
  verifier: ReturnType<typeof createTokenVerifier>;
  production: boolean;
  /** What the dashboard needs to find the identity provider. */
  webConfig: { keycloakUrl: string; realm: string; clientId: string };
  /** Routes served before everything else (the embedded identity provider). */
  identityRouter?: Router;
  /** Built dashboard to serve at `/`, when present. */
  webDistDir?: string;
  httpServer?: Server;
  now?: () => Date;
  settings?: Settings;
  /** Query limits and cost-based rate limits (defaults: DEFAULT_QUERY_LIMITS, DEFAULT_RATE_LIMITS). */
  queryLimits?: QueryLimits;
  rateLimits?: RateLimits;
  /** When set, GET /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** Proxies whose X-Forwarded-For is believed (Express `trust proxy`): default loopback. */
  trustProxy?: string;
  /** Where organisations' API clients are created (the embedded provider, or Keycloak's admin API). */
  apiClients?: ApiClientRegistry;
  /** Whole responses to anonymous queries, dropped on every committed write (none when absent). */
  responseCache?: ResponseCache;
  /** Which webhook URLs organisations may subscribe (default: https and public addresses in production). */
  webhookTargets?: WebhookTargetPolicy;
}

/** A hop count stays a number for Express; anything else is its list of addresses or names. */
const trustProxy = (value: string): string | number => (/^\d+$/.test(value) ? Number(value) : value);

export interface App {
  express: Express;
  apollo: ApolloServer<Context>;
  /** Marks the process as stopping: /readyz fails so load balancers stop sending traffic. */
  markStopping(): void;
}

/** Builds the HTTP app and the GraphQL server; performs no I/O beyond starting Apollo. */
export async function createApp(opts: AppOptions): Promise<App> {
  const now = opts.now ?? (() => new Date());
  const app = express();
  let stopping = false;
  app.disable('x-powered-by');
  // No automatic ETag (a hash of every body): API answers are per caller and change with any write; the badge
  // and the static files set their own.
  app.set('etag', false);
  app.set('trust proxy', trustProxy(opts.trustProxy ?? 'loopback'));
  const metrics = createMetrics(opts.orm, opts.responseCache);
  app.use(metrics.http);

  app.use((req, res, next) => {
    const requestId = (req.header('x-request-id') ?? '').slice(0, 100) || randomUUID();
    const started = process.hrtime.bigint();
    res.setHeader('x-request-id', requestId);
    res.locals.requestId = requestId;
    res.on('finish', () => {
      opts.logger.info(
        {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    requestLocale.run(localeFromHeader(req.header('accept-language')), next);
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (stopping) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    try {
      await opts.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch (error) {
      opts.logger.warn({ err: error }, 'database not reachable');
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.use(metrics.router(opts.metricsToken));
  app.get('/config.json', (_req, res) => {
    res.json({ ...opts.webConfig, graphqlUrl: '/graphql' });
  });

  if (opts.identityRouter) app.use(opts.identityRouter);
  app.use(badgeRouter(opts.orm, now));
  app.use(ratingsExportRouter(opts.orm, now));

  const schema = await createSchema();
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const queryLimits = opts.queryLimits ?? DEFAULT_QUERY_LIMITS;
  const rateLimits = opts.rateLimits ?? DEFAULT_RATE_LIMITS;
  // One limiter for the API and for answers served from the response cache, so both draw on one budget.
  const limiter = new CostRateLimiter();
  // Whom signed-in callers act for, between requests: forgotten with the response cache on every write.
  const memberships = opts.responseCache ? new MembershipCache(opts.responseCache) : undefined;
  // Leaderboards (public data, the same for everyone) between writes, for signed-in readers too.
  const ratings = opts.responseCache ? new RatingsCache(opts.responseCache, 500) : undefined;
  const subscriptions = opts.httpServer
    ? attachSubscriptions({
        httpServer: opts.httpServer,
        schema,
        orm: opts.orm,
        verifier: opts.verifier,
        logger: opts.logger,
        now,
        settings,
        queryLimits,
        memberships,
      })
    : undefined;
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: limitValidationRules(queryLimits),
    introspection: !opts.production,
    includeStacktraceInErrorResponses: !opts.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns the shutdown sequence (readiness, HTTP drain, pool, embedded database).
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: opts.production,
    formatError: (formatted, error) =>
      formatError(formatted, error, { locale: currentLocale(), logger: opts.logger, exposeDetails: !opts.production }),
    plugins: [
      metrics.graphql,
      costAndRatePlugin(queryLimits, rateLimits, limiter),
      idempotencyPlugin(),
      ...(opts.responseCache ? [responseCachePlugin(opts.responseCache)] : []),
      readTransactionPlugin(),
      // No HTTP cache hints are sent (responses are per viewer), so no per-field cache-control bookkeeping.
      ApolloServerPluginCacheControlDisabled(),
      ...(opts.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: opts.httpServer })] : []),
      ...(subscriptions ? [{ serverWillStart: async () => ({ drainServer: () => subscriptions.dispose() }) }] : []),
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    rejectNulCharacters,
    tokenLimit(queryLimits.tokens),
    ...(opts.responseCache ? [serveCachedResponses(opts.responseCache, limiter, rateLimits)] : []),
    bearerAuth(opts.verifier),
    expressMiddleware(apollo, {
      context: async ({ req }: { req: Request }) => {
        const em = opts.orm.em.fork();
        const logger = opts.logger.child({ requestId: req.res?.locals.requestId });
        const actor = await resolveActor(em, req.auth, req.header(ACTIVE_ORGANISATION_HEADER) || undefined, {
          now: now(),
          logger,
          memberships,
        }).catch((error: unknown) => {
          if (!isDatabaseUnavailable(error)) throw error;
          logger.warn({ err: error }, 'database unavailable');
          throw new GraphQLError(
            inCurrentLocale({
              ru: 'База данных временно недоступна; повторите через несколько секунд',
              en: 'The database is unavailable for the moment; try again in a few seconds',
            }),
            { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } },
          );
        });
        return createContext({
          requestId: String(req.res?.locals.requestId ?? ''),
          clientIp: req.ip ?? '',
          locale: currentLocale(),
          actor,
          em,
          logger,
          now,
          settings,
          apiClients: opts.apiClients,
          webhookTargets: opts.webhookTargets ?? defaultTargets(opts.production),
          ratings,
        });
      },
    }),
  );

  // Body parser refusals (too large, malformed JSON) as GraphQL-shaped errors with a code, never an HTML page.
  app.use('/graphql', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (!status || status < 400 || status >= 500) return next(error);
    const type = (error as { type?: string }).type;
    const tooLarge = type === 'entity.too.large';
    res.status(status).json({
      errors: [
        {
          message: tooLarge ? 'Request body is larger than 1 MB' : 'Malformed request body',
          extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
        },
      ],
    });
  });

  if (opts.webDistDir && existsSync(path.join(opts.webDistDir, 'index.html'))) {
    const dist = path.resolve(opts.webDistDir);
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => res.sendFile(path.join(dist, 'index.html')));
  }

  return {
    express: app,
    apollo,
    markStopping: () => {
      stopping = true;
    },
  };
}
