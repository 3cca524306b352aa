import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { quoteIdent, withCredentials, withDatabase } from '../db/database-url.js';
import { APP_PASSWORD, APP_ROLE } from './global-setup.js';

export interface TestDatabase {
  ownerUrl: string;
  appUrl: string;
  /** Runs SQL as the owner (bypassing the application's row-level security), for assertions. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template; one per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `otklik_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(inject('templateDatabase'))}`);
  await admin.end();
  const ownerUrl = withDatabase(adminUrl, name);
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 2 });
  // Dropping the database terminates idle connections that are still closing; that is expected.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    ownerUrl,
    appUrl: withCredentials(ownerUrl, APP_ROLE, APP_PASSWORD),
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    drop: async () => {
      await pool.end();
      await new Promise((resolve) => setImmediate(resolve));
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      await dropper.end();
    },
  };
}
