import { Migration } from '@mikro-orm/migrations';

/**
 * Readers wait for refreshes in flight: after draining what it could claim, a rating read waits until
 * outbox events claimed by other workers are done (their rows are locked until those commit), so a read
 * never returns inputs older than a change that was already committed.
 */
export class Migration20261129160000RatingOutboxWait extends Migration {
  override name = 'Migration20261129160000RatingOutboxWait';

  override up(): void {
    this.addSql(`
create or replace function rating_outbox_wait() returns boolean
language plpgsql security definer set search_path = public as $$
begin
  perform 1 from rating_outbox for share;
  return exists (select 1 from rating_outbox);
end $$;
`);
  }
}
