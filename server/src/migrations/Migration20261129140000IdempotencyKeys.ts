import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency keys for mutations: the first result of a key is kept with a hash of its request, in the
 * same transaction as the mutation's own writes, so a replay returns it and never applies twice.
 * Keys are per organisation and expire after a day.
 */
export class Migration20261129140000IdempotencyKeys extends Migration {
  override name = 'Migration20261129140000IdempotencyKeys';

  override up(): void {
    this.addSql(`
create table idempotency_key (
  organisation_id uuid not null references organisation (id),
  key text not null,
  request_hash text not null,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (organisation_id, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);

alter table idempotency_key enable row level security;
alter table idempotency_key force row level security;
create policy idempotency_key_own on idempotency_key for all
  using (organisation_id = app_current_org()) with check (organisation_id = app_current_org());
create policy idempotency_key_owner on idempotency_key for all to current_user using (true) with check (true);

create or replace function idempotency_expire(p_before timestamptz) returns int
language sql security definer set search_path = public as $$
  with gone as (delete from idempotency_key where created_at < p_before returning 1) select count(*)::int from gone
$$;
`);
  }
}
