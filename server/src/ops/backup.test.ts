import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { quoteIdent, withCredentials, withDatabase } from '../db/database-url.js';
import { grantAppRole } from '../db/provision.js';
import { createLogger } from '../logger.js';
import { seedDatabase } from '../seeds/demo.seed.js';
import { SEEDS_DIR } from '../seeds/seed-file.js';
import { APP_PASSWORD, APP_ROLE } from '../test-support/global-setup.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * ops/backup: a dump of a database with demo data restored into a fresh database, and the application
 * reading it (with row-level security still forced). Needs pg_dump/pg_restore at least as new as the
 * server, as the scripts say.
 */

const run = promisify(execFile);
const OPS = path.resolve(import.meta.dirname, '../../../ops/backup');

let source: TestDatabase;
let restoredName: string;
let pool: pg.Pool;
let server: TestServer | undefined;
let toolsFit = true;

const count = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
};

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDatabase(source.ownerUrl, SEEDS_DIR, { demo: true, logger: createLogger('silent') });
  const [version] = await source.query<{ server_version_num: string }>('show server_version_num');
  const serverVersion = version!.server_version_num;
  const { stdout } = await run('pg_dump', ['--version']);
  toolsFit = Number(/(\d+)\./.exec(stdout)?.[1]) >= Math.floor(Number(serverVersion) / 10_000);
}, 60_000);

afterAll(async () => {
  await server?.close(); // ends the pool and drops the restored database
  await source?.drop();
});

describe('backup and restore', () => {
  it('restores a dump into a fresh database that the application then reads', async (context) => {
    if (!toolsFit) context.skip('pg_dump here is older than the PostgreSQL server (the scripts need it newer)');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'otklik-backup-'));
    const file = path.join(dir, 'otklik.dump');
    await run(path.join(OPS, 'backup.sh'), [file], { env: { ...process.env, DATABASE_URL: source.ownerUrl } });

    const adminUrl = inject('adminUrl');
    restoredName = `otklik_restored_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${quoteIdent(restoredName)}`);
    await admin.end();
    const restoredUrl = withDatabase(adminUrl, restoredName);
    await run(path.join(OPS, 'restore.sh'), [file], { env: { ...process.env, DATABASE_URL: restoredUrl } });
    // a second restore into the same database is refused, changing nothing
    await expect(
      run(path.join(OPS, 'restore.sh'), [file], { env: { ...process.env, DATABASE_URL: restoredUrl } }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('refusing to restore') });

    for (const table of ['organisation', 'practice', 'review', 'disclosure', 'member']) {
      expect(await count(restoredUrl, `select count(*) as n from ${table}`), table).toBe(
        await count(source.ownerUrl, `select count(*) as n from ${table}`),
      );
    }
    // Row-level security comes back as it was: enabled and forced on the same tables.
    const forced = (url: string) =>
      count(
        url,
        `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity and c.relforcerowsecurity`,
      );
    expect(await forced(restoredUrl)).toBe(await forced(source.ownerUrl));
    expect(await forced(restoredUrl)).toBeGreaterThan(20);

    // The application on the restored database: its role re-granted, as on every start.
    await grantAppRole(restoredUrl, APP_ROLE);
    pool = new pg.Pool({ connectionString: restoredUrl, max: 1 });
    server = await startTestServer({
      db: {
        ownerUrl: restoredUrl,
        appUrl: withCredentials(restoredUrl, APP_ROLE, APP_PASSWORD),
        query: async (sql, params) => (await pool.query(sql, params)).rows,
        drop: async () => {
          await pool.end();
          const dropper = new pg.Client({ connectionString: adminUrl });
          await dropper.connect();
          await dropper.query(`drop database if exists ${quoteIdent(restoredName)} with (force)`);
          await dropper.end();
        },
      },
    });
    const read = await server.gql(
      `{ organisations { totalCount } practices(search: "семьи") { totalCount }
         organisation(slug: "fond-semya") { name compliance { score } } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.organisations.totalCount).toBe(
      await count(source.ownerUrl, 'select count(*) as n from organisation'),
    );
    expect(read.data?.practices.totalCount).toBeGreaterThan(0);
    expect(read.data?.organisation.compliance.score).toBeGreaterThan(0);
  }, 120_000);
});
