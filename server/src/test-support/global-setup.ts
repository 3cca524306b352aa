import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { quoteIdent, withDatabase } from '../db/database-url.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres.js';
import { migrate } from '../db/orm.js';
import { ensureAppRole, grantAppRole } from '../db/provision.js';
import { createLogger } from '../logger.js';

/** One template per test run, so runs sharing a PostgreSQL server never drop each other's. */
const TEMPLATE_DATABASE = `otklik_test_template_${process.pid}`;
export const APP_ROLE = 'otklik_test_app';
export const APP_PASSWORD = 'otklik-test-app';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

let embedded: EmbeddedDatabase | undefined;

/**
 * Once per test run: a PostgreSQL server (TEST_DATABASE_URL, else an embedded one), and a
 * migrated template database that every test file clones, so files run in parallel and never collide.
 */
export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = path.resolve(import.meta.dirname, '../../../.data/test-postgres');
    embedded = await startEmbeddedPostgres(
      dataDir,
      Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54330),
      createLogger('silent'),
    );
    adminUrl = embedded.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${quoteIdent(TEMPLATE_DATABASE)} with (force)`);
    await admin.query(`create database ${quoteIdent(TEMPLATE_DATABASE)}`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DATABASE);
  await migrate(templateUrl);
  await ensureAppRole(templateUrl, APP_ROLE, APP_PASSWORD);
  await grantAppRole(templateUrl, APP_ROLE);
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  teardownTemplate = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${quoteIdent(TEMPLATE_DATABASE)} with (force)`).catch(() => {});
    await client.end();
  };
}

let teardownTemplate: (() => Promise<void>) | undefined;

export async function teardown(): Promise<void> {
  await teardownTemplate?.();
  await embedded?.stop();
}
