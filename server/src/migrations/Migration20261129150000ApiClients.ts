import { Migration } from '@mikro-orm/migrations';

/** API clients (service accounts) that organisations manage themselves: a name, who created it, revocation. */
export class Migration20261129150000ApiClients extends Migration {
  override name = 'Migration20261129150000ApiClients';

  override up(): void {
    this.addSql(`
alter table service_account add column id uuid not null default gen_random_uuid();
alter table service_account add constraint service_account_id_unique unique (id);
alter table service_account add column name text;
alter table service_account add column created_by text;
alter table service_account add column revoked_at timestamptz;
create index service_account_organisation_idx on service_account (organisation_id, created_at);
`);
  }
}
