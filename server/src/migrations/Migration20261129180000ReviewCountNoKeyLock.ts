import { Migration } from '@mikro-orm/migrations';

/**
 * The review-count trigger locks the practice FOR NO KEY UPDATE, not FOR UPDATE: every new review holds a
 * KEY SHARE lock on its practice (the foreign key), which FOR UPDATE waits for, so two reviews of one
 * practice deadlocked. NO KEY UPDATE still makes the second count wait for the first, as the UPDATE
 * that follows takes that lock anyway.
 */
export class Migration20261129180000ReviewCountNoKeyLock extends Migration {
  override name = 'Migration20261129180000ReviewCountNoKeyLock';

  override up(): void {
    this.addSql(`
create or replace function practice_count_reviews() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  perform 1 from practice where id = new.practice_id for no key update;
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
`);
  }
}
