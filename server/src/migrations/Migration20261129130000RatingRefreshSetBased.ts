import { Migration } from '@mikro-orm/migrations';

/**
 * Rating refresh, set-based: the 12-month contribution counts come from grouped aggregates joined to the
 * organisations asked for (an index lookup for one organisation, one hashed pass for all of them), instead
 * of two correlated subqueries per organisation.
 */
export class Migration20261129130000RatingRefreshSetBased extends Migration {
  override name = 'Migration20261129130000RatingRefreshSetBased';

  override up(): void {
    this.addSql(`
create or replace function rating_refresh(p_orgs uuid[], p_openness numeric[], p_now timestamptz, p_outbox bigint[])
returns void language plpgsql security definer set search_path = public as $$
begin
  delete from rating_quality where organisation_id = any(p_orgs);
  insert into rating_quality (organisation_id, scope_id, review_total, review_count, practice_count, level_sum, closed_loops)
  select p.organisation_id, coalesce(p.group_id, '00000000-0000-0000-0000-000000000000'::uuid),
         sum(p.review_total), sum(p.review_count), count(p.participation_level),
         coalesce(sum(participation_ordinal(p.participation_level)), 0), count(*) filter (where p.loop_closed)
    from practice p
   where p.status = 'PUBLISHED' and p.organisation_id = any(p_orgs)
   group by grouping sets ((p.organisation_id, p.group_id), (p.organisation_id));

  insert into rating_input (organisation_id, openness_score, reviews_given_12m, practices_published_12m, refreshed_at)
  select x.id, x.score, coalesce(g.n, 0), coalesce(pub.n, 0), p_now
    from unnest(p_orgs, p_openness) as x (id, score)
    join organisation o on o.id = x.id
    left join (select r.organisation_id, count(*) as n from review r
                where r.status = 'SUBMITTED' and r.submitted_at > p_now - interval '365 days'
                  and r.organisation_id = any(p_orgs)
                group by r.organisation_id) g on g.organisation_id = x.id
    left join (select p.organisation_id, count(*) as n from practice p
                where p.status = 'PUBLISHED' and p.published_at > p_now - interval '365 days'
                  and p.organisation_id = any(p_orgs)
                group by p.organisation_id) pub on pub.organisation_id = x.id
  on conflict (organisation_id) do update set
    openness_score = excluded.openness_score,
    reviews_given_12m = excluded.reviews_given_12m,
    practices_published_12m = excluded.practices_published_12m,
    refreshed_at = excluded.refreshed_at;

  delete from rating_outbox where id = any(p_outbox);
end $$;
`);
  }
}
