import { Migration } from '@mikro-orm/migrations';

/**
 * Two reviews of one practice submitted at once both counted: the trigger locks the practice row before
 * it aggregates, so the second waits for the first and sees its review.
 */
export class Migration20261129170000ReviewCountLock extends Migration {
  override name = 'Migration20261129170000ReviewCountLock';

  override up(): void {
    this.addSql(`
create or replace function practice_count_reviews() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  perform 1 from practice where id = new.practice_id for update;
  update practice p set
    review_count = s.n,
    review_score = s.mean,
    review_total = s.total
  from (select count(*) as n,
               round(avg((relevance + depth + loop_closure + evidence + replicability) / 5.0), 2) as mean,
               coalesce(sum((relevance + depth + loop_closure + evidence + replicability) / 5.0), 0) as total
          from review where practice_id = new.practice_id and status = 'SUBMITTED') s
  where p.id = new.practice_id;
  return null;
end $$;

-- A rating read waits at most briefly for refreshes in flight (a full recompute holds them longer).
create or replace function rating_outbox_wait() returns boolean
language plpgsql security definer set search_path = public as $$
begin
  set local lock_timeout = '1s';
  perform 1 from rating_outbox for share;
  return exists (select 1 from rating_outbox);
end $$;
`);
  }
}
