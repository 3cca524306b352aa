import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenForDataChanges, type ResponseCache } from '../common/graphql/response-cache.js';
import { createApp } from '../app.js';
import type { QueryLimits } from '../common/graphql/limits.js';
import type { RateLimits } from '../common/graphql/rate-limit.js';
import type { Settings } from '../context.js';
import { createTokenVerifier } from '../common/auth/token-verifier.js';
import { createOrm, type Orm } from '../db/orm.js';
import { devApiClientRegistry } from '../modules/api-client/api-client.registry.js';
import { createDevIdentityProvider, type DevIdentityProvider, type DevUser } from '../dev-idp/dev-idp.js';
import { createLogger } from '../logger.js';
import { startSubscriptionSignals } from '../subscription-signals.js';
import { startWebhookWorker, type WebhookWorkerOptions } from '../modules/webhook/webhook.worker.js';
import { defaultTargets } from '../modules/webhook/webhook-target.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const REALM = 'otklik';
export const AUDIENCE = 'otklik-api';
export const WEB_CLIENT = 'otklik-web';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

export interface RequestOptions {
  token?: string;
  /** Global id of the organisation to act for (X-Otklik-Organisation). */
  organisation?: string;
  locale?: 'ru' | 'en';
}

export interface Person {
  user: DevUser;
  token: string;
}

export interface TestServer {
  url: string;
  db: TestDatabase;
  orm: Orm;
  idp: DevIdentityProvider;
  /** Every SQL statement the API ran, in order (reset it to count one operation). */
  statements: string[];
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: RequestOptions,
  ): Promise<GraphQLResult<T>>;
  /** A new person in the identity provider, with a real token from the password grant. */
  person(overrides?: Partial<DevUser>): Promise<Person>;
  token(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app (HTTP, Apollo, auth, ORM, RLS) on its own cloned database and an ephemeral loopback port. */
export async function startTestServer(
  opts: {
    now?: () => Date;
    settings?: Settings;
    /** Production mode (no introspection, no schema hints in errors). */
    production?: boolean;
    queryLimits?: QueryLimits;
    /** Off unless given, so suites are not throttled. */
    rateLimits?: RateLimits;
    /** A database prepared elsewhere (default: a clone of the migrated template). */
    db?: TestDatabase;
    /** Express `trust proxy` (default loopback, as in production). */
    trustProxy?: string;
    /** Serve anonymous queries from this cache, listening for data changes on the test database. */
    responseCache?: ResponseCache;
    /** Run a webhook worker with these options (none unless given). */
    webhooks?: Omit<WebhookWorkerOptions, 'orm' | 'url' | 'logger'>;
    /** Lifetime of the identity provider's access tokens (default 300 s). */
    accessTokenTtlSeconds?: number;
  } = {},
): Promise<TestServer> {
  const db = opts.db ?? (await createTestDatabase());
  if (opts.settings) {
    await db.query(`update app_setting set value = $1 where key = 'comment_report_threshold'`, [
      String(opts.settings.commentReportThreshold),
    ]);
  }
  const statements: string[] = [];
  const orm = await createOrm({
    url: db.appUrl,
    poolMax: 5,
    statementTimeoutMs: 5_000,
    onQuery: (sql) => statements.push(sql),
  });
  const httpServer: Server = createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const idp = await createDevIdentityProvider({
    publicUrl: url,
    realm: REALM,
    users: [],
    clients: [],
    webClient: { clientId: WEB_CLIENT, redirectUris: [`${url}/auth/callback`], postLogoutRedirectUris: [`${url}/`] },
    apiAudience: AUDIENCE,
    ...(opts.accessTokenTtlSeconds ? { accessTokenTtlSeconds: opts.accessTokenTtlSeconds } : {}),
  });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const app = await createApp({
    orm,
    logger,
    verifier: createTokenVerifier({ keycloakUrl: url, realm: REALM, audience: AUDIENCE }),
    production: opts.production ?? false,
    httpServer,
    identityRouter: idp.router,
    webConfig: { keycloakUrl: url, realm: REALM, clientId: WEB_CLIENT },
    now: opts.now,
    settings: opts.settings,
    queryLimits: opts.queryLimits,
    trustProxy: opts.trustProxy,
    apiClients: devApiClientRegistry(idp),
    rateLimits: opts.rateLimits ?? { perIpPerMinute: 0, perOrganisationPerMinute: 0 },
    responseCache: opts.responseCache,
  });
  const dataChanges = opts.responseCache ? listenForDataChanges(opts.responseCache, db.appUrl, logger) : undefined;
  httpServer.on('request', app.express);
  const subscriptionSignals = startSubscriptionSignals(db.appUrl, logger);
  const webhookWorker = opts.webhooks
    ? startWebhookWorker({
        targets: defaultTargets(opts.production ?? false),
        ...opts.webhooks,
        orm,
        url: db.appUrl,
        logger,
      })
    : undefined;

  const token = async (username: string, password: string) => {
    const response = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: WEB_CLIENT,
        username,
        password,
        scope: 'openid profile email',
      }),
    });
    const body = (await response.json()) as { access_token?: string; error_description?: string };
    if (!body.access_token) throw new Error(`password grant failed for ${username}: ${JSON.stringify(body)}`);
    return body.access_token;
  };

  return {
    url,
    db,
    orm,
    idp,
    statements,
    token,
    async gql(query, variables, options = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': options.locale ?? 'en',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.organisation ? { 'x-otklik-organisation': options.organisation } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async person(overrides = {}) {
      const suffix = randomUUID().slice(0, 8);
      const user: DevUser = {
        id: randomUUID(),
        username: `person-${suffix}`,
        password: `pw-${suffix}`,
        email: `person-${suffix}@test.otklik.ru`,
        emailVerified: true,
        name: `Тестовый Участник ${suffix}`,
        realmRoles: [],
        ...overrides,
      };
      idp.registerUser(user);
      return { user, token: await token(user.username, user.password) };
    },
    async close() {
      await app.apollo.stop();
      await subscriptionSignals.stop();
      await webhookWorker?.stop();
      await dataChanges?.stop();
      httpServer.closeAllConnections();
      // A connection lost mid-transaction (the database-restart test) can keep the pool from ending.
      await Promise.race([orm.close(true), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      await db.drop();
    },
  };
}
