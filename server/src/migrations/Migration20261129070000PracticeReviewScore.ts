import { Migration } from '@mikro-orm/migrations';

/** The practice's mean review score (all criteria, submitted reviews) beside its review count, for the BEST_RATED sort. */
export class Migration20261129070000PracticeReviewScore extends Migration {
  override name = 'Migration20261129070000PracticeReviewScore';

  override up(): void {
    this.addSql(`
alter table practice add column review_score numeric(4, 2);

create or replace function practice_count_reviews() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  update practice p set
    review_count = s.n,
    review_score = s.mean
  from (select count(*) as n,
               round(avg((relevance + depth + loop_closure + evidence + replicability) / 5.0), 2) as mean
          from review where practice_id = new.practice_id and status = 'SUBMITTED') s
  where p.id = new.practice_id;
  return null;
end $$;

drop trigger review_counts on review;
create trigger review_counts after insert or update of status, relevance, depth, loop_closure, evidence, replicability on review
  for each row execute function practice_count_reviews();
`);
  }
}
