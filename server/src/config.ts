import { z } from 'zod';

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  APP_DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  APP_DB_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier')
    .default('otklik_app'),
  APP_DB_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('otklik-app-dev-only'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DATA_DIR: z.string().min(1).default('.data'),
  KEYCLOAK_URL: url(['http:', 'https:']).optional(),
  KEYCLOAK_REALM: z.string().min(1).default('otklik'),
  KEYCLOAK_API_AUDIENCE: z.string().min(1).default('otklik-api'),
  KEYCLOAK_WEB_CLIENT_ID: z.string().min(1).default('otklik-web'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  WEB_DIST_DIR: z.string().optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('Отклик <no-reply@otklik.local>'),
  DIGEST_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(60),
  COMMENT_REPORT_THRESHOLD: z.coerce.number().int().min(1).default(3),
  COMMENT_EDIT_WINDOW_MINUTES: z.coerce.number().int().min(0).default(15),
  /** Cost points per minute per anonymous client address and per organisation (0 = off); 1 per field, times page sizes. */
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(0).default(60_000),
  RATE_LIMIT_ORGANISATION_PER_MINUTE: z.coerce.number().int().min(0).default(120_000),
  /** A confidential client with realm-management's manage-clients role: lets ADMINs create API clients in Keycloak. */
  KEYCLOAK_ADMIN_CLIENT_ID: z.string().min(1).optional(),
  KEYCLOAK_ADMIN_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (rate limits, logs): Express's
   * `trust proxy` value — `loopback`, a comma-separated list of addresses or CIDRs, or a hop count.
   */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  /** When set, GET /metrics (Prometheus) requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Anonymous responses kept in memory (0 = no response cache) and the megabytes they may take. */
  RESPONSE_CACHE_ENTRIES: z.coerce.number().int().min(0).default(2_000),
  RESPONSE_CACHE_MB: z.coerce.number().int().min(1).default(64),
  /** Longest a database statement may run before PostgreSQL cancels it. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /**
   * Whether webhook URLs may point at private, loopback and link-local addresses (a receiver on the deployment's
   * own network). Always allowed outside production; in production only when set to true.
   */
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof schema> & { publicUrl: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; every bad value is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production') {
    // The development identity provider, demo data and default passwords are for a laptop, never for production.
    const missing = [
      !config.KEYCLOAK_URL &&
        '  KEYCLOAK_URL: required in production (the embedded identity provider is for development only)',
      !config.DATABASE_URL &&
        '  DATABASE_URL: required in production (the embedded PostgreSQL is for development only)',
      !config.APP_DATABASE_URL &&
        !env.APP_DB_PASSWORD &&
        '  APP_DB_PASSWORD: required in production (or give APP_DATABASE_URL)',
    ].filter(Boolean);
    if (missing.length) throw new ConfigError(`Invalid configuration:\n${missing.join('\n')}`);
    if (env.SEED_DEMO_DATA === undefined) config.SEED_DEMO_DATA = false;
  }
  return { ...config, publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` };
}
