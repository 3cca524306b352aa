import path from 'node:path';
import { freePort } from '../test-support/free-port.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent, withDatabase } from '../db/database-url.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded-postgres.js';
import { migrate } from '../db/orm.js';
import { ensureAppRole, grantAppRole } from '../db/provision.js';
import { createLogger } from '../logger.js';
import { createOrganisation } from '../test-support/factories.js';
import type { TestDatabase } from '../test-support/test-database.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * PostgreSQL restarted under a bounded load on loopback: while it is down requests fail with a clear,
 * retryable code; once it is back the same API process serves again (no restart of its own), and no
 * half-written change is visible. Runs its own PostgreSQL cluster, which it stops and starts.
 */

const DATA_DIR = path.resolve(import.meta.dirname, '../../../.data/restart-test-postgres');
const logger = createLogger('silent');
let port: number;
let cluster: EmbeddedDatabase;
let server: TestServer;
let pool: pg.Pool;

beforeAll(async () => {
  port = await freePort();
  cluster = await startEmbeddedPostgres(DATA_DIR, port, logger);
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('drop database if exists otklik_restart with (force)');
  await admin.query(`create database ${quoteIdent('otklik_restart')}`);
  await admin.end();
  const ownerUrl = withDatabase(cluster.adminUrl, 'otklik_restart');
  await migrate(ownerUrl);
  const appUrl = await ensureAppRole(ownerUrl, 'otklik_restart_app', 'otklik-restart-app');
  await grantAppRole(ownerUrl, 'otklik_restart_app');
  pool = new pg.Pool({ connectionString: ownerUrl, max: 2 });
  pool.on('error', () => {});
  const db: TestDatabase = {
    ownerUrl,
    appUrl,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    drop: async () => {},
  };
  server = await startTestServer({ db });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await cluster?.stop();
}, 60_000);

type Outcome = { ok: boolean; code?: string };

describe('PostgreSQL restarted under load', () => {
  it('fails clearly while the database is down and serves again once it is back, with nothing half-written', async () => {
    const person = await server.person();
    await createOrganisation(server, {}, person);
    const outcomes: Outcome[] = [];
    let running = true;
    let n = 0;
    const worker = async () => {
      while (running) {
        n += 1;
        // Every registration writes an organisation, its ADMIN member and an audit event in one transaction.
        const result = await server
          .gql(
            `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { organisation { id } userErrors { code } } }`,
            { input: { name: `Нагрузка ${n}`, slug: `load-${process.pid}-${n}`, kind: 'NGO', region: 'Москва' } },
            { token: person.token },
          )
          .catch(() => ({ errors: [{ message: 'transport', extensions: { code: 'TRANSPORT' } }] }) as never);
        outcomes.push(
          result.data?.registerOrganisation?.organisation
            ? { ok: true }
            : { ok: false, code: String(result.errors?.[0]?.extensions?.code ?? 'NONE') },
        );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const load = [worker(), worker()];
    await expect.poll(() => outcomes.filter((o) => o.ok).length, { timeout: 20_000 }).toBeGreaterThan(5);

    await cluster.stop();
    const downFrom = outcomes.length;
    await expect.poll(() => outcomes.length - downFrom, { timeout: 30_000 }).toBeGreaterThan(10);
    const whileDown = outcomes.slice(downFrom + 2);
    expect(whileDown.filter((o) => o.ok)).toEqual([]);
    expect(new Set(whileDown.map((o) => o.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);

    cluster = await startEmbeddedPostgres(DATA_DIR, port, logger);
    const upFrom = outcomes.length;
    await expect
      .poll(() => outcomes.slice(upFrom).filter((o) => o.ok).length, { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(5);
    running = false;
    await Promise.all(load);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    const [orphans] = await server.db.query<{ n: string }>(
      `select count(*) as n from organisation o
        where not exists (select 1 from member m where m.organisation_id = o.id and m.role = 'ADMIN')`,
    );
    expect(orphans!.n).toBe('0');
    const [unaudited] = await server.db.query<{ n: string }>(
      `select count(*) as n from organisation o
        where not exists (select 1 from audit_event a where a.organisation_id = o.id)`,
    );
    expect(unaudited!.n).toBe('0');
  }, 120_000);
});
