import path from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { withDatabase } from './database-url.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { migrate } from './orm.js';
import { ensureAppRole, ensureDatabase, grantAppRole } from './provision.js';

export interface PreparedDatabase {
  /** Schema owner: migrations and seeds. */
  ownerUrl: string;
  /** The application's non-owner, non-superuser role: the API's connections. */
  appUrl: string;
  embedded?: EmbeddedDatabase;
}

/**
 * Makes the database ready: the embedded cluster when DATABASE_URL is unset, the database itself,
 * migrations, and the application's own role with its grants.
 */
export async function prepareDatabase(
  config: Config,
  logger: Logger,
  say: (line: string) => void = () => {},
): Promise<PreparedDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let ownerUrl = config.DATABASE_URL;
  if (!ownerUrl) {
    say(
      `Starting the embedded PostgreSQL (data in ${path.join(config.DATA_DIR, 'postgres')}, port ${config.EMBEDDED_PG_PORT})…`,
    );
    embedded = await startEmbeddedPostgres(path.join(config.DATA_DIR, 'postgres'), config.EMBEDDED_PG_PORT, logger);
    ownerUrl = withDatabase(embedded.adminUrl, 'otklik');
  }
  if (await ensureDatabase(ownerUrl)) say('Created the database.');
  const applied = await migrate(ownerUrl);
  say(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Migrations are up to date.');
  const appUrl = config.APP_DATABASE_URL ?? (await ensureAppRole(ownerUrl, config.APP_DB_ROLE, config.APP_DB_PASSWORD));
  await grantAppRole(ownerUrl, new URL(appUrl).username || config.APP_DB_ROLE);
  return { ownerUrl, appUrl, embedded };
}
