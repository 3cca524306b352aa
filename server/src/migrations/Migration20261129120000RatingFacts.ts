import { Migration } from '@mikro-orm/migrations';

/**
 * Ratings kept current: the inputs of every organisation's rating are stored (rating_input, rating_quality)
 * and refreshed per organisation when something they rest on changes. Triggers on reviews, practices,
 * disclosures and organisations write the organisation to rating_outbox in the changing transaction, so no
 * change is lost if a process dies; workers drain it (claim with SKIP LOCKED, lock the organisation,
 * recompute from committed data). Per-organisation locks serialise refreshes of one organisation, so
 * concurrent events leave what a serial order leaves; a full recompute takes the global lock exclusively.
 *
 * Snapshots (rating_snapshot, rating_snapshot_entry) keep history: monthly and on demand.
 * The application role reads these tables; only the SECURITY DEFINER functions below write them.
 */
export class Migration20261129120000RatingFacts extends Migration {
  override name = 'Migration20261129120000RatingFacts';

  override up(): void {
    this.addSql(`
-- The sum of the submitted reviews' mean scores, beside their count: exact inputs for averages.
alter table practice add column review_total numeric not null default 0;
update practice p set review_total = s.total
  from (select practice_id, sum((relevance + depth + loop_closure + evidence + replicability) / 5.0) as total
          from review where status = 'SUBMITTED' group by practice_id) s
 where p.id = s.practice_id;

create or replace function practice_count_reviews() returns trigger
language plpgsql security definer set search_path = public as $$
begin
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

-- A review is about its practice: its owner and group are the practice's, whatever the writer says.
create or replace function review_derive_practice() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  select p.organisation_id, p.group_id into new.practice_organisation_id, new.group_id
    from practice p where p.id = new.practice_id;
  return new;
end $$;
create trigger review_derive_practice before insert on review for each row execute function review_derive_practice();

create index review_given_idx on review (organisation_id, submitted_at) where status = 'SUBMITTED';
create index practice_published_by_idx on practice (organisation_id, published_at) where status = 'PUBLISHED';

-- The ordinal of a participation level, as PARTICIPATION_ORDINAL in the application (a test keeps them equal).
create or replace function participation_ordinal(level text) returns int language sql immutable as $$
  select case level
    when 'CONSULTATION_FEEDBACK' then 1 when 'RESEARCH' then 2 when 'COLLABORATION_CODESIGN' then 3
    when 'GOVERNANCE_PARTICIPATION' then 4 when 'DISTRIBUTED_DECISION_MAKING' then 5 end $$;

create table rating_outbox (
  id bigint generated always as identity primary key,
  organisation_id uuid not null,
  enqueued_at timestamptz not null default now()
);

-- Organisation-wide inputs: openness on the standard for its kind, contribution in the 12 months before refreshed_at.
create table rating_input (
  organisation_id uuid primary key references organisation (id),
  openness_score numeric(5, 2),
  reviews_given_12m int not null,
  practices_published_12m int not null,
  refreshed_at timestamptz not null
);

-- Practice inputs per scope: each thematic group, and all groups together (scope_id = the nil uuid).
create table rating_quality (
  organisation_id uuid not null references organisation (id),
  scope_id uuid not null,
  review_total numeric not null,
  review_count int not null,
  practice_count int not null,
  level_sum int not null,
  closed_loops int not null,
  primary key (organisation_id, scope_id)
);
create index rating_quality_scope_idx on rating_quality (scope_id);

create table rating_snapshot (
  id uuid primary key default gen_random_uuid(),
  taken_at timestamptz not null,
  reason text not null check (reason in ('MONTHLY', 'ON_DEMAND')),
  period date,
  taken_by text
);
create unique index rating_snapshot_monthly_unique on rating_snapshot (period) where reason = 'MONTHLY';
create index rating_snapshot_taken_idx on rating_snapshot (taken_at);

create table rating_snapshot_entry (
  organisation_id uuid not null references organisation (id),
  snapshot_id uuid not null references rating_snapshot (id),
  scope_id uuid not null,
  composite numeric(5, 2) not null,
  openness numeric(5, 2),
  practice_quality numeric(5, 2),
  engagement_depth numeric(5, 2),
  contribution numeric(5, 2),
  rank int,
  enough_data boolean not null,
  primary key (organisation_id, snapshot_id, scope_id)
);
create index rating_snapshot_entry_scope_idx on rating_snapshot_entry (snapshot_id, scope_id);

alter table rating_outbox enable row level security;
alter table rating_outbox force row level security;
create policy rating_outbox_all on rating_outbox for all using (true) with check (true);
alter table rating_input enable row level security;
alter table rating_input force row level security;
create policy rating_input_all on rating_input for all using (true) with check (true);
alter table rating_quality enable row level security;
alter table rating_quality force row level security;
create policy rating_quality_all on rating_quality for all using (true) with check (true);
alter table rating_snapshot enable row level security;
alter table rating_snapshot force row level security;
create policy rating_snapshot_all on rating_snapshot for all using (true) with check (true);
alter table rating_snapshot_entry enable row level security;
alter table rating_snapshot_entry force row level security;
create policy rating_snapshot_entry_all on rating_snapshot_entry for all using (true) with check (true);

create or replace function rating_enqueue(variadic ids uuid[]) returns void
language plpgsql security definer set search_path = public as $$
begin
  insert into rating_outbox (organisation_id) select distinct id from unnest(ids) id where id is not null;
  perform pg_notify('otklik_rating', '');
end $$;

create or replace function rating_on_review() returns trigger language plpgsql security definer set search_path = public as $$
begin
  if (tg_op <> 'DELETE' and new.status = 'SUBMITTED') or (tg_op <> 'INSERT' and old.status = 'SUBMITTED') then
    perform rating_enqueue(coalesce(new.practice_organisation_id, old.practice_organisation_id),
                           coalesce(new.organisation_id, old.organisation_id));
  end if;
  return null;
end $$;
create trigger rating_on_review after insert or update or delete on review
  for each row execute function rating_on_review();

create or replace function rating_on_practice() returns trigger language plpgsql security definer set search_path = public as $$
begin
  if (tg_op <> 'DELETE' and new.status = 'PUBLISHED') or (tg_op <> 'INSERT' and old.status = 'PUBLISHED') then
    perform rating_enqueue(coalesce(new.organisation_id, old.organisation_id));
  end if;
  return null;
end $$;
create trigger rating_on_practice
  after insert or delete or update of status, participation_level, loop_closed, group_id, published_at on practice
  for each row execute function rating_on_practice();

create or replace function rating_on_disclosure() returns trigger language plpgsql security definer set search_path = public as $$
begin
  if (tg_op <> 'DELETE' and new.status = 'VERIFIED') or (tg_op <> 'INSERT' and old.status = 'VERIFIED') then
    perform rating_enqueue(coalesce(new.organisation_id, old.organisation_id));
  end if;
  return null;
end $$;
create trigger rating_on_disclosure after insert or update or delete on disclosure
  for each row execute function rating_on_disclosure();

create or replace function rating_on_organisation() returns trigger language plpgsql security definer set search_path = public as $$
begin
  perform rating_enqueue(new.id);
  return null;
end $$;
create trigger rating_on_organisation_insert after insert on organisation
  for each row execute function rating_on_organisation();
create trigger rating_on_organisation_kind after update of kind on organisation
  for each row when (old.kind is distinct from new.kind) execute function rating_on_organisation();

-- A new standard (version) changes the openness of organisations of the kinds it covers, or covered.
create or replace function rating_on_standard() returns trigger language plpgsql security definer set search_path = public as $$
begin
  insert into rating_outbox (organisation_id) select id from organisation;
  perform pg_notify('otklik_rating', '');
  return null;
end $$;
create trigger rating_on_standard after insert on openness_standard
  for each statement execute function rating_on_standard();

-- Claims up to p_limit queued events; the rows stay locked (others skip them) until the transaction ends.
create or replace function rating_outbox_claim(p_limit int) returns table (id bigint, organisation_id uuid)
language sql security definer set search_path = public as $$
  select o.id, o.organisation_id from rating_outbox o order by o.id limit p_limit for update skip locked
$$;

-- Serialises refreshes of the same organisations (ordered, so no deadlock); a full recompute excludes them all.
create or replace function rating_lock(p_orgs uuid[]) returns void language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(74150, 0);
  perform pg_advisory_xact_lock(74151, hashtext(id::text)) from (select distinct unnest(p_orgs) as id order by 1) s;
end $$;

create or replace function rating_lock_all() returns void language sql as $$
  select pg_advisory_xact_lock(74150, 0)
$$;

-- Recomputes the stored inputs of p_orgs from committed data (openness comes computed by the application),
-- and removes the outbox rows that asked for it.
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
  select o.id, x.score,
         (select count(*) from review r
           where r.organisation_id = o.id and r.status = 'SUBMITTED' and r.submitted_at > p_now - interval '365 days'),
         (select count(*) from practice p
           where p.organisation_id = o.id and p.status = 'PUBLISHED' and p.published_at > p_now - interval '365 days'),
         p_now
    from unnest(p_orgs, p_openness) as x (id, score) join organisation o on o.id = x.id
  on conflict (organisation_id) do update set
    openness_score = excluded.openness_score,
    reviews_given_12m = excluded.reviews_given_12m,
    practices_published_12m = excluded.practices_published_12m,
    refreshed_at = excluded.refreshed_at;

  delete from rating_outbox where id = any(p_outbox);
end $$;

-- Before a full recompute: the practices' review counts and totals again from the reviews themselves.
create or replace function rating_recount_practices() returns void
language sql security definer set search_path = public as $$
  update practice p set review_count = s.n, review_score = s.mean, review_total = s.total
    from (select pr.id, count(r.id) as n,
                 round(avg((r.relevance + r.depth + r.loop_closure + r.evidence + r.replicability) / 5.0), 2) as mean,
                 coalesce(sum((r.relevance + r.depth + r.loop_closure + r.evidence + r.replicability) / 5.0), 0) as total
            from practice pr left join review r on r.practice_id = pr.id and r.status = 'SUBMITTED'
           group by pr.id) s
   where p.id = s.id and (p.review_count, p.review_score, p.review_total) is distinct from (s.n, s.mean, s.total)
$$;

-- Records a snapshot from arrays computed by the application; a second MONTHLY snapshot of a month records nothing.
create or replace function rating_snapshot_record(
  p_reason text, p_taken_at timestamptz, p_taken_by text,
  p_orgs uuid[], p_scopes uuid[], p_composite numeric[], p_openness numeric[], p_quality numeric[],
  p_depth numeric[], p_contribution numeric[], p_rank int[], p_enough boolean[]
) returns uuid language plpgsql security definer set search_path = public as $$
declare
  snapshot uuid;
begin
  insert into rating_snapshot (taken_at, reason, period, taken_by)
  values (p_taken_at, p_reason,
          case when p_reason = 'MONTHLY' then date_trunc('month', p_taken_at at time zone 'UTC')::date end, p_taken_by)
  on conflict do nothing
  returning id into snapshot;
  if snapshot is null then return null; end if;
  insert into rating_snapshot_entry (organisation_id, snapshot_id, scope_id, composite, openness, practice_quality,
                                     engagement_depth, contribution, rank, enough_data)
  select o, snapshot, s, c, op, q, d, ct, r, e
    from unnest(p_orgs, p_scopes, p_composite, p_openness, p_quality, p_depth, p_contribution, p_rank, p_enough)
      as x (o, s, c, op, q, d, ct, r, e);
  return snapshot;
end $$;
`);
  }
}
