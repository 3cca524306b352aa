import { Migration } from '@mikro-orm/migrations';

/**
 * When an API client is revoked (or its row removed), the database says so on `otklik_access_revoked` with the
 * client id, after the revoking transaction commits: every API process then closes that client's open
 * WebSocket connections, whose subscriptions would otherwise go on until they reconnect.
 */
export class Migration20261129230000AccessRevokedSignal extends Migration {
  override name = 'Migration20261129230000AccessRevokedSignal';

  override up(): void {
    this.addSql(`
create function service_account_revoked_signal() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or (new.revoked_at is not null and old.revoked_at is null) then
    perform pg_notify('otklik_access_revoked', json_build_object('clientId', old.client_id)::text);
  end if;
  return null;
end $$;
create trigger service_account_revoked_signal after update of revoked_at or delete on service_account
  for each row execute function service_account_revoked_signal();
`);
  }
}
