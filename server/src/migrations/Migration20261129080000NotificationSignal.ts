import { Migration } from '@mikro-orm/migrations';

/** Every new notification is signalled on a PostgreSQL channel, so every API process can push it to its subscribers. */
export class Migration20261129080000NotificationSignal extends Migration {
  override name = 'Migration20261129080000NotificationSignal';

  override up(): void {
    this.addSql(`
create or replace function notification_signal() returns trigger language plpgsql as $$
begin
  perform pg_notify('otklik_notification', json_build_object('id', new.id, 'recipient', new.recipient_subject)::text);
  return null;
end $$;
create trigger notification_signal after insert on notification for each row execute function notification_signal();
`);
  }
}
