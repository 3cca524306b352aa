import 'reflect-metadata';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { migrationsList } from '../migrations/index.js';
import { entities } from './entities.js';

export type Orm = MikroORM;

export interface OrmOptions {
  url: string;
  poolMax?: number;
  debug?: boolean;
  /** Longest a statement may run before PostgreSQL cancels it (none when omitted: migrations, CLIs). */
  statementTimeoutMs?: number;
  /** Called with every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
}

export function ormConfig(opts: OrmOptions) {
  return defineConfig({
    clientUrl: opts.url,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, emit: 'ts', silent: true },
    pool: { min: 0, max: opts.poolMax ?? 10 },
    ...(opts.statementTimeoutMs
      ? { driverOptions: { options: `-c statement_timeout=${opts.statementTimeoutMs}` } }
      : {}),
    debug: opts.debug ?? false,
    allowGlobalContext: false,
    ...(opts.onQuery
      ? {
          onQuery: (sql: string) => {
            opts.onQuery?.(sql);
            return sql;
          },
        }
      : {}),
  });
}

export function createOrm(opts: OrmOptions): Promise<Orm> {
  return MikroORM.init(ormConfig(opts));
}

/** Applies pending migrations as the schema owner; returns the names applied. */
export async function migrate(ownerUrl: string): Promise<string[]> {
  const orm = await createOrm({ url: ownerUrl, poolMax: 1 });
  try {
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
