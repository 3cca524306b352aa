import path from 'node:path';
import pg from 'pg';
import { quoteIdent, withDatabase } from '../../server/src/db/database-url.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/orm.js';
import { ensureAppRole, grantAppRole } from '../../server/src/db/provision.js';
import { createLogger } from '../../server/src/logger.js';
import { seedDatabase } from '../../server/src/seeds/demo.seed.js';
import { SEEDS_DIR } from '../../server/src/seeds/seed-file.js';
import { DATASET_VERSION, loadDataset, type Criterion, type Scale } from './generate.js';

export const APP_ROLE = 'otklik_bench_app';
const APP_PASSWORD = 'otklik-bench-app';

export interface BenchDatabase {
  ownerUrl: string;
  appUrl: string;
  /** Seconds the load took (0 when an earlier run's data was reused). */
  loadSeconds: number;
  stop(): Promise<void>;
}

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * The benchmark database for a scale, migrated and loaded once; later runs reuse it (the dataset is
 * deterministic, and a marker records which scale and seed it holds). BENCH_DATABASE_URL names a
 * PostgreSQL server (a superuser: loading switches triggers off); without it an embedded one starts.
 */
export async function benchDatabase(
  scale: Scale,
  opts: { statementStatistics?: boolean } = {},
): Promise<BenchDatabase> {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!adminUrl) {
    const dataDir = path.resolve(import.meta.dirname, '../../.data/bench-postgres');
    say(`starting embedded PostgreSQL in ${dataDir}`);
    embedded = await startEmbeddedPostgres(
      dataDir,
      Number(process.env.BENCH_EMBEDDED_PG_PORT ?? 54340),
      createLogger('silent'),
      // Statement counts per request come from pg_stat_statements, which must be preloaded.
      opts.statementStatistics
        ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'max_connections=200']
        : [],
    );
    adminUrl = embedded.adminUrl;
  }
  const name = `otklik_bench_${scale.name}`;
  const ownerUrl = withDatabase(adminUrl, name);
  const marker = `v${DATASET_VERSION}:${scale.name}:${scale.organisations}:${scale.practices}:${scale.reviews}:${scale.comments}`;
  const exists = (
    await query(withDatabase(adminUrl, 'postgres'), 'select 1 from pg_database where datname = $1', [name])
  ).length;
  let reuse = false;
  if (exists) {
    const [table] = await query<{ name: string | null }>(ownerUrl, `select to_regclass('bench_dataset')::text as name`);
    const rows = table?.name ? await query<{ marker: string }>(ownerUrl, 'select marker from bench_dataset') : [];
    reuse = rows[0]?.marker === marker;
  }
  let loadSeconds = 0;
  if (!reuse) {
    say(
      `creating ${name} (${scale.organisations} organisations, ${scale.practices} practices, ${scale.reviews} reviews, ${scale.comments} comments)`,
    );
    await query(withDatabase(adminUrl, 'postgres'), `drop database if exists ${quoteIdent(name)} with (force)`);
    await query(withDatabase(adminUrl, 'postgres'), `create database ${quoteIdent(name)}`);
    await migrate(ownerUrl);
    await seedDatabase(ownerUrl, SEEDS_DIR, { demo: false, logger: createLogger('silent') });
    const standards = await query<{
      id: string;
      applies_to: string[];
      definition: { sections: Array<{ criteria: Array<{ key: string; evidence: string }> }> };
    }>(
      ownerUrl,
      'select distinct on (key) id, applies_to, definition from openness_standard order by key, version desc',
    );
    const criteria: Criterion[] = standards.flatMap((s) =>
      s.definition.sections.flatMap((section) =>
        section.criteria.map((c) => ({ standardId: s.id, key: c.key, evidence: c.evidence, appliesTo: s.applies_to })),
      ),
    );
    const started = performance.now();
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await loadDataset(client, scale, criteria);
      await client.query('create table bench_dataset (marker text not null)');
      await client.query('insert into bench_dataset values ($1)', [marker]);
    } finally {
      await client.end();
    }
    loadSeconds = (performance.now() - started) / 1000;
    say(`loaded in ${loadSeconds.toFixed(1)} s`);
  } else {
    say(`reusing ${name}`);
    await migrate(ownerUrl);
  }
  const appUrl = await ensureAppRole(ownerUrl, APP_ROLE, APP_PASSWORD);
  await grantAppRole(ownerUrl, APP_ROLE);
  return { ownerUrl, appUrl, loadSeconds, stop: async () => void (await embedded?.stop()) };
}
