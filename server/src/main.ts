import 'reflect-metadata';
import { createServer } from 'node:http';
import path from 'node:path';
import { createApp } from './app.js';
import { createTokenVerifier } from './common/auth/token-verifier.js';
import { ConfigError, loadConfig } from './config.js';
import { createOrm } from './db/orm.js';
import { prepareDatabase } from './db/prepare.js';
import { writeAppSettings } from './db/provision.js';
import { createDevIdentityProvider } from './dev-idp/dev-idp.js';
import { createLogger } from './logger.js';
import { startDigestSender } from './modules/notification/digest.sender.js';
import { startSubscriptionSignals } from './subscription-signals.js';
import {
  devApiClientRegistry,
  keycloakApiClientRegistry,
  type ApiClientRegistry,
} from './modules/api-client/api-client.registry.js';
import { startRatingWorker } from './modules/rating/rating.worker.js';
import { startWebhookWorker } from './modules/webhook/webhook.worker.js';
import { listenForDataChanges, ResponseCache } from './common/graphql/response-cache.js';
import { runShutdownHooks } from './common/observability/shutdown-hooks.js';
import { startHousekeeping } from './housekeeping.js';
import { seedDatabase } from './seeds/demo.seed.js';
import { SEEDS_DIR } from './seeds/seed-file.js';
import { loadDevUsers } from './seeds/users.seed.js';

const say = (line: string) => process.stderr.write(`otklik: ${line}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';

  const database = await prepareDatabase(config, logger, say);
  await writeAppSettings(database.ownerUrl, { comment_report_threshold: config.COMMENT_REPORT_THRESHOLD });
  say(config.SEED_DEMO_DATA ? 'Loading thematic groups and demo data (first start only)…' : 'Loading thematic groups…');
  await seedDatabase(database.ownerUrl, SEEDS_DIR, { demo: config.SEED_DEMO_DATA, logger });
  const orm = await createOrm({ url: database.appUrl, statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS });
  const subscriptionSignals = startSubscriptionSignals(database.appUrl, logger);
  const ratingWorker = startRatingWorker({ orm, url: database.appUrl, logger });
  const webhookTargets = {
    production,
    allowPrivateNetworks: !production || config.WEBHOOKS_ALLOW_PRIVATE_NETWORKS,
  };
  const webhookWorker = startWebhookWorker({ orm, url: database.appUrl, logger, targets: webhookTargets });
  const responseCache = new ResponseCache({
    maxEntries: config.RESPONSE_CACHE_ENTRIES,
    maxBytes: config.RESPONSE_CACHE_MB * 2 ** 20,
  });
  const dataChanges = config.RESPONSE_CACHE_ENTRIES
    ? listenForDataChanges(responseCache, database.appUrl, logger)
    : undefined;
  const housekeeping = startHousekeeping(orm, logger);
  const digests = config.SMTP_URL
    ? startDigestSender(
        {
          ownerUrl: database.ownerUrl,
          smtpUrl: config.SMTP_URL,
          from: config.MAIL_FROM,
          publicUrl: config.publicUrl,
          logger,
        },
        config.DIGEST_INTERVAL_MINUTES * 60_000,
      )
    : undefined;

  const httpServer = createServer();
  let identityRouter;
  let keycloakUrl = config.KEYCLOAK_URL;
  let demoUsers: string[] = [];
  let apiClients: ApiClientRegistry | undefined =
    config.KEYCLOAK_URL && config.KEYCLOAK_ADMIN_CLIENT_ID && config.KEYCLOAK_ADMIN_CLIENT_SECRET
      ? keycloakApiClientRegistry({
          keycloakUrl: config.KEYCLOAK_URL,
          realm: config.KEYCLOAK_REALM,
          adminClientId: config.KEYCLOAK_ADMIN_CLIENT_ID,
          adminClientSecret: config.KEYCLOAK_ADMIN_CLIENT_SECRET,
          apiAudience: config.KEYCLOAK_API_AUDIENCE,
        })
      : undefined;
  if (!keycloakUrl) {
    keycloakUrl = config.publicUrl;
    const { users, serviceAccounts } = await loadDevUsers(SEEDS_DIR);
    const idp = await createDevIdentityProvider({
      publicUrl: config.publicUrl,
      realm: config.KEYCLOAK_REALM,
      users,
      clients: serviceAccounts.map((a) => ({ clientId: a.clientId, secret: a.secret, id: a.id })),
      webClient: {
        clientId: config.KEYCLOAK_WEB_CLIENT_ID,
        redirectUris: [`${config.publicUrl}/auth/callback`, 'http://localhost:5173/auth/callback'],
        postLogoutRedirectUris: [`${config.publicUrl}/`, 'http://localhost:5173/'],
      },
      apiAudience: config.KEYCLOAK_API_AUDIENCE,
      keyStorePath: path.join(config.DATA_DIR, 'identity', 'jwks.json'),
    });
    identityRouter = idp.router;
    apiClients = devApiClientRegistry(idp);
    demoUsers = users.map((u) => `${u.username}${u.realmRoles.length ? ` (${u.realmRoles.join(', ')})` : ''}`);
    say(`Development identity provider at ${idp.issuer}`);
  }

  const verifier = createTokenVerifier({
    keycloakUrl,
    realm: config.KEYCLOAK_REALM,
    audience: config.KEYCLOAK_API_AUDIENCE,
  });
  const app = await createApp({
    orm,
    logger,
    verifier,
    production,
    httpServer,
    identityRouter,
    webConfig: { keycloakUrl, realm: config.KEYCLOAK_REALM, clientId: config.KEYCLOAK_WEB_CLIENT_ID },
    settings: {
      commentReportThreshold: config.COMMENT_REPORT_THRESHOLD,
      commentEditWindowMinutes: config.COMMENT_EDIT_WINDOW_MINUTES,
    },
    metricsToken: config.METRICS_TOKEN,
    apiClients,
    webhookTargets,
    responseCache,
    trustProxy: config.TRUST_PROXY,
    rateLimits: {
      perIpPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
      perOrganisationPerMinute: config.RATE_LIMIT_ORGANISATION_PER_MINUTE,
    },
    webDistDir: config.WEB_DIST_DIR ?? path.resolve(import.meta.dirname, '../../web/dist'),
  });
  httpServer.on('request', app.express);
  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));

  say(`Ready.
  Dashboard:  ${config.publicUrl}/
  GraphQL:    ${config.publicUrl}/graphql
  Health:     ${config.publicUrl}/healthz  ${config.publicUrl}/readyz${
    demoUsers.length
      ? `
  Demo sign-ins (password: otklik-demo): ${demoUsers.join(', ')}`
      : ''
  }`);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`${signal} received: finishing in-flight requests…`);
    app.markStopping();
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS).unref();
    try {
      await app.apollo.stop();
      httpServer.closeAllConnections();
      logger.info('HTTP server closed');
      digests?.stop();
      await subscriptionSignals.stop();
      await ratingWorker.stop();
      await webhookWorker.stop();
      await dataChanges?.stop();
      housekeeping.stop();
      await orm.close(true);
      logger.info('database pool closed');
      await runShutdownHooks();
      await database.embedded?.stop();
      clearTimeout(force);
      say('Stopped.');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    say(error.message);
  } else {
    say(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exit(1);
});
