import { Migration } from '@mikro-orm/migrations';

/** Tables whose writes never change what a read returns: bookkeeping of migrations, seeds, queues and keys. */
export const SILENT_TABLES = [
  'mikro_orm_migrations',
  'seed_run',
  'idempotency_key',
  'rating_outbox',
  'notification_outbox',
];

/**
 * Every other table notifies `otklik_data_changed` once per writing transaction (PostgreSQL folds equal
 * notifications of one transaction into one), after it commits: API processes drop their cached responses
 * when it arrives, whoever wrote — a request, a worker, another process or an administrator's SQL.
 * A table added later needs the same trigger (a test reads the catalog for it).
 */
export class Migration20261129200000DataChangeSignal extends Migration {
  override name = 'Migration20261129200000DataChangeSignal';

  override up(): void {
    this.addSql(`
create or replace function app_notify_data_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('otklik_data_changed', '');
  return null;
end $$;

do $$
declare t record;
begin
  for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'p')
              and c.relname not in (${SILENT_TABLES.map((name) => `'${name}'`).join(', ')})
  loop
    execute format('create trigger %I after insert or update or delete or truncate on %I
                    for each statement execute function app_notify_data_changed()', t.relname || '_data_changed', t.relname);
  end loop;
end $$;
`);
  }
}
