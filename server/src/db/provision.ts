import pg from 'pg';
import { databaseName, quoteIdent, quoteLiteral, withCredentials, withDatabase } from './database-url.js';

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when it does not exist yet (connecting to the server's `postgres` database). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withClient(withDatabase(url, 'postgres'), async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`create database ${quoteIdent(name)}`);
    return true;
  });
}

/**
 * Ensures the application's own login role: not a superuser, not the tables' owner, no BYPASSRLS,
 * so row-level security always applies to it. Returns the URL the API connects with.
 */
export async function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<string> {
  await withClient(ownerUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    const verb = rowCount ? 'alter' : 'create';
    await client.query(
      `${verb} role ${quoteIdent(role)} with login nosuperuser nobypassrls nocreatedb nocreaterole password ${quoteLiteral(password)}`,
    );
  });
  return withCredentials(ownerUrl, role, password);
}

/** Writes the settings that database functions read (e.g. the comment report threshold); owner only. */
export async function writeAppSettings(ownerUrl: string, settings: Record<string, string | number>): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    for (const [key, value] of Object.entries(settings)) {
      await client.query(
        'insert into app_setting (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value',
        [key, String(value)],
      );
    }
  });
}

/** Grants the application role what it needs on the migrated schema; run after every migration. */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const r = quoteIdent(role);
  await withClient(ownerUrl, async (client) => {
    await client.query(`
      grant usage on schema public to ${r};
      grant select, insert, update, delete on all tables in schema public to ${r};
      grant usage, select on all sequences in schema public to ${r};
      revoke all on table mikro_orm_migrations from ${r};
      revoke all on table seed_run from ${r};
      revoke insert, update, delete on table app_setting from ${r};
      revoke update, delete on table audit_event, organisation_audit_event, platform_audit_event from ${r};
      revoke all on table rating_outbox from ${r};
      revoke insert, update, delete on table rating_input, rating_quality, rating_snapshot, rating_snapshot_entry from ${r};
    `);
  });
}
