import { Migration } from '@mikro-orm/migrations';

/**
 * Written on every delivery attempt and read only by the organisation's signed-in ADMINs (never cached):
 * exempt from the data-change signal, like the tables of Migration20261129200000DataChangeSignal.
 */
export const WEBHOOK_SILENT_TABLES = ['webhook_delivery', 'webhook_delivery_attempt'];

/** The event types (the `type` of a payload and the `Otklik-Event` header), as the application lists them. */
const EVENT_TYPES = ['practice.published', 'review.submitted', 'rating.changed', 'disclosure.verified'];

/**
 * Outgoing webhooks. An organisation's ADMINs subscribe URLs to events; the events are recorded by triggers in
 * the transaction that makes the change (one webhook_delivery per active subscription wanting it), so a
 * committed change always has its deliveries and a rolled-back one never does. Workers claim due deliveries
 * (SKIP LOCKED, a lease), sign and POST them, and record every attempt.
 *
 * Order: the events of one organisation are recorded one transaction at a time (a transaction-scoped advisory
 * lock taken only when the organisation has a subscription wanting the event), so `seq` follows commit order
 * within a subscription, and a delivery is claimed only when no earlier delivery of its subscription is pending.
 *
 * rating.changed: rating_refresh (the per-organisation refresh of stored rating inputs) now writes only the
 * inputs that differ and reports which components changed; unchanged refreshes emit nothing.
 *
 * Secrets sign deliveries, so they are stored as given; row-level security lets only the organisation's
 * ADMINs (and the schema owner's SECURITY DEFINER functions the workers call) read them.
 */
export class Migration20261129210000Webhooks extends Migration {
  override name = 'Migration20261129210000Webhooks';

  override up(): void {
    this.addSql(`
create table webhook_subscription (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  url text not null check (length(url) between 1 and 2048),
  events text[] not null check (cardinality(events) >= 1 and events <@ array[${EVENT_TYPES.map((t) => `'${t}'`).join(', ')}]),
  description text check (length(description) <= 500),
  secret text not null,
  previous_secret text,
  previous_secret_expires_at timestamptz,
  secret_rotated_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  paused_at timestamptz
);
create index webhook_subscription_organisation_idx on webhook_subscription (organisation_id, created_at);

create table webhook_delivery (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  organisation_id uuid not null references organisation (id),
  subscription_id uuid not null references webhook_subscription (id) on delete cascade,
  event_id uuid not null,
  event_type text not null,
  payload json not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_id uuid,
  leased_until timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  replay_of uuid references webhook_delivery (id) on delete set null,
  constraint webhook_delivery_seq_unique unique (seq)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_head_idx on webhook_delivery (subscription_id, seq) where status = 'PENDING';
create index webhook_delivery_organisation_idx on webhook_delivery (organisation_id, seq);
create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, seq);
create index webhook_delivery_replay_idx on webhook_delivery (replay_of) where replay_of is not null;
create index webhook_delivery_expiry_idx on webhook_delivery (created_at) where status <> 'PENDING';

create table webhook_delivery_attempt (
  delivery_id uuid not null references webhook_delivery (id) on delete cascade,
  number integer not null,
  organisation_id uuid not null references organisation (id),
  attempted_at timestamptz not null,
  duration_ms integer not null,
  status_code integer,
  error text,
  response_body text,
  primary key (delivery_id, number)
);

alter table webhook_subscription enable row level security;
alter table webhook_subscription force row level security;
create policy webhook_subscription_admin on webhook_subscription for all
  using (organisation_id = app_current_org() and app_current_role() = 'ADMIN')
  with check (organisation_id = app_current_org() and app_current_role() = 'ADMIN');

alter table webhook_delivery enable row level security;
alter table webhook_delivery force row level security;
create policy webhook_delivery_read on webhook_delivery for select
  using (organisation_id = app_current_org() and app_current_role() = 'ADMIN');
-- Replays and test events, queued by an ADMIN for a subscription of their own organisation; the rest is the workers'.
create policy webhook_delivery_queue on webhook_delivery for insert
  with check (organisation_id = app_current_org() and app_current_role() = 'ADMIN'
    and status = 'PENDING' and attempts = 0
    and exists (select 1 from webhook_subscription s where s.id = subscription_id and s.organisation_id = webhook_delivery.organisation_id));

alter table webhook_delivery_attempt enable row level security;
alter table webhook_delivery_attempt force row level security;
create policy webhook_delivery_attempt_read on webhook_delivery_attempt for select
  using (organisation_id = app_current_org() and app_current_role() = 'ADMIN');

do $$
declare t text;
begin
  foreach t in array array['webhook_subscription', 'webhook_delivery', 'webhook_delivery_attempt'] loop
    execute format('create policy %I on %I for all to %I using (true) with check (true)', t || '_owner', t, current_user);
  end loop;
end $$;

create trigger webhook_subscription_data_changed after insert or update or delete or truncate on webhook_subscription
  for each statement execute function app_notify_data_changed();

-- The API's global id (server/src/common/graphql/global-id.ts): base64url of "Type:uuid", without padding.
create or replace function app_global_id(type text, id uuid) returns text language sql immutable as $$
  select rtrim(translate(encode(convert_to(type || ':' || id::text, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')
$$;

-- A time as the API writes it (ISO 8601, UTC, milliseconds).
create or replace function app_iso_time(t timestamptz) returns text language sql stable as $$
  select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- Serialises the recording of one organisation's events: their order is then the order they commit in.
create or replace function webhook_lock(p_org uuid) returns void language sql as $$
  select pg_advisory_xact_lock(74160, hashtext(p_org::text))
$$;

-- Records an event for every active subscription of the organisation that wants it, and wakes the workers.
create or replace function webhook_emit(p_org uuid, p_type text, p_data json) returns void
language plpgsql security definer set search_path = public as $$
declare
  event uuid;
begin
  if not exists (select 1 from webhook_subscription s
                  where s.organisation_id = p_org and s.paused_at is null and p_type = any (s.events)) then
    return;
  end if;
  perform webhook_lock(p_org);
  event := gen_random_uuid();
  insert into webhook_delivery (organisation_id, subscription_id, event_id, event_type, payload)
  select s.organisation_id, s.id, event, p_type,
         json_build_object('id', event, 'type', p_type, 'occurredAt', app_iso_time(clock_timestamp()),
                            'organisation', json_build_object('id', app_global_id('Organisation', p_org)),
                            'data', p_data)
    from webhook_subscription s
   where s.organisation_id = p_org and s.paused_at is null and p_type = any (s.events)
   order by s.id;
  perform pg_notify('otklik_webhook', '');
end $$;

create or replace function webhook_on_practice() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  perform webhook_emit(new.organisation_id, 'practice.published', json_build_object('practice', json_build_object(
    'id', app_global_id('Practice', new.id),
    'title', new.title,
    'revisionNumber', new.revision_number,
    'publishedAt', app_iso_time(new.published_at),
    'group', json_build_object('id', app_global_id('ThematicGroup', new.group_id)))));
  return null;
end $$;
create trigger webhook_on_practice_published after update of status on practice for each row
  when (new.status = 'PUBLISHED' and old.status is distinct from 'PUBLISHED') execute function webhook_on_practice();
create trigger webhook_on_practice_inserted after insert on practice for each row
  when (new.status = 'PUBLISHED') execute function webhook_on_practice();

-- For the organisation reviewed (the practice's), not the reviewing one.
create or replace function webhook_on_review() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  perform webhook_emit(new.practice_organisation_id, 'review.submitted', json_build_object('review', json_build_object(
    'id', app_global_id('Review', new.id),
    'practice', json_build_object('id', app_global_id('Practice', new.practice_id)),
    'revisionNumber', new.revision_number,
    'organisation', json_build_object('id', app_global_id('Organisation', new.organisation_id)),
    'reviewerName', new.reviewer_name,
    'submittedAt', app_iso_time(new.submitted_at),
    'scores', json_build_object('relevance', new.relevance, 'depth', new.depth, 'loopClosure', new.loop_closure,
                                 'evidence', new.evidence, 'replicability', new.replicability),
    'confidence', new.confidence)));
  return null;
end $$;
create trigger webhook_on_review_submitted after update of status on review for each row
  when (new.status = 'SUBMITTED' and old.status is distinct from 'SUBMITTED') execute function webhook_on_review();
create trigger webhook_on_review_inserted after insert on review for each row
  when (new.status = 'SUBMITTED') execute function webhook_on_review();

create or replace function webhook_on_disclosure() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  standard record;
begin
  select s.key, s.version into standard from openness_standard s where s.id = new.standard_id;
  perform webhook_emit(new.organisation_id, 'disclosure.verified', json_build_object('disclosure', json_build_object(
    'id', app_global_id('Disclosure', new.id),
    'standard', json_build_object('id', app_global_id('OpennessStandard', new.standard_id),
                                   'key', standard.key, 'version', standard.version),
    'criterionKey', new.criterion_key,
    'asOf', new.as_of::text,
    'evidenceUrl', new.evidence_url,
    'decidedAt', app_iso_time(new.decided_at))));
  return null;
end $$;
create trigger webhook_on_disclosure_verified after update of status on disclosure for each row
  when (new.status = 'VERIFIED' and old.status is distinct from 'VERIFIED') execute function webhook_on_disclosure();
create trigger webhook_on_disclosure_inserted after insert on disclosure for each row
  when (new.status = 'VERIFIED') execute function webhook_on_disclosure();

-- As before (Migration20261129130000RatingRefreshSetBased), writing only what differs, and then emitting
-- rating.changed with the components whose inputs changed for every organisation that has a subscription for it.
create or replace function rating_refresh(p_orgs uuid[], p_openness numeric[], p_now timestamptz, p_outbox bigint[])
returns void language plpgsql security definer set search_path = public as $$
declare
  quality_changed uuid[];
  depth_changed uuid[];
  openness_changed uuid[];
  contribution_changed uuid[];
  changed record;
begin
  with fresh as materialized (
    select p.organisation_id, coalesce(p.group_id, '00000000-0000-0000-0000-000000000000'::uuid) as scope_id,
           sum(p.review_total) as review_total, sum(p.review_count)::int as review_count,
           count(p.participation_level)::int as practice_count,
           coalesce(sum(participation_ordinal(p.participation_level)), 0)::int as level_sum,
           (count(*) filter (where p.loop_closed))::int as closed_loops
      from practice p
     where p.status = 'PUBLISHED' and p.organisation_id = any(p_orgs)
     group by grouping sets ((p.organisation_id, p.group_id), (p.organisation_id))
  ), old as materialized (
    select q.* from rating_quality q where q.organisation_id = any(p_orgs)
  ), upserted as (
    insert into rating_quality (organisation_id, scope_id, review_total, review_count, practice_count, level_sum, closed_loops)
    select f.organisation_id, f.scope_id, f.review_total, f.review_count, f.practice_count, f.level_sum, f.closed_loops
      from fresh f
    on conflict (organisation_id, scope_id) do update set
      review_total = excluded.review_total, review_count = excluded.review_count, practice_count = excluded.practice_count,
      level_sum = excluded.level_sum, closed_loops = excluded.closed_loops
    where (rating_quality.review_total, rating_quality.review_count, rating_quality.practice_count,
           rating_quality.level_sum, rating_quality.closed_loops)
          is distinct from (excluded.review_total, excluded.review_count, excluded.practice_count,
                            excluded.level_sum, excluded.closed_loops)
  ), removed as (
    delete from rating_quality q
     where q.organisation_id = any(p_orgs)
       and not exists (select 1 from fresh f where f.organisation_id = q.organisation_id and f.scope_id = q.scope_id)
  )
  select array_agg(distinct coalesce(f.organisation_id, o.organisation_id))
           filter (where (f.review_total, f.review_count) is distinct from (o.review_total, o.review_count)),
         array_agg(distinct coalesce(f.organisation_id, o.organisation_id))
           filter (where (f.practice_count, f.level_sum, f.closed_loops) is distinct from (o.practice_count, o.level_sum, o.closed_loops))
    into quality_changed, depth_changed
    from fresh f full join old o on o.organisation_id = f.organisation_id and o.scope_id = f.scope_id;

  with fresh as materialized (
    select x.id as organisation_id, x.score as openness_score,
           coalesce(g.n, 0)::int as reviews_given_12m, coalesce(pub.n, 0)::int as practices_published_12m
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
  ), old as materialized (
    select i.* from rating_input i where i.organisation_id = any(p_orgs)
  ), upserted as (
    insert into rating_input (organisation_id, openness_score, reviews_given_12m, practices_published_12m, refreshed_at)
    select f.organisation_id, f.openness_score, f.reviews_given_12m, f.practices_published_12m, p_now from fresh f
    on conflict (organisation_id) do update set
      openness_score = excluded.openness_score,
      reviews_given_12m = excluded.reviews_given_12m,
      practices_published_12m = excluded.practices_published_12m,
      refreshed_at = excluded.refreshed_at
  )
  select array_agg(f.organisation_id) filter (where f.openness_score is distinct from o.openness_score),
         array_agg(f.organisation_id)
           filter (where (f.reviews_given_12m, f.practices_published_12m)
                         is distinct from (o.reviews_given_12m, o.practices_published_12m))
    into openness_changed, contribution_changed
    from fresh f left join old o on o.organisation_id = f.organisation_id;

  delete from rating_outbox where id = any(p_outbox);

  for changed in
    select c.organisation_id, array_agg(c.component order by c.position) as components
      from (select unnest(openness_changed), 'openness', 1
            union all select unnest(quality_changed), 'practiceQuality', 2
            union all select unnest(depth_changed), 'engagementDepth', 3
            union all select unnest(contribution_changed), 'contribution', 4) as c (organisation_id, component, position)
     where exists (select 1 from webhook_subscription s
                    where s.organisation_id = c.organisation_id and s.paused_at is null and 'rating.changed' = any (s.events))
     group by c.organisation_id
     order by c.organisation_id
  loop
    perform webhook_emit(changed.organisation_id, 'rating.changed', json_build_object('rating', json_build_object(
      'organisation', json_build_object('id', app_global_id('Organisation', changed.organisation_id)),
      'changedComponents', to_json(changed.components))));
  end loop;
end $$;

-- Takes up to p_limit due deliveries, each the earliest pending one of its (active) subscription, and leases
-- them to the caller until p_lease_until; the secrets that sign them come along.
create or replace function webhook_claim(p_now timestamptz, p_limit int, p_lease_until timestamptz)
returns table (id uuid, lease_id uuid, subscription_id uuid, organisation_id uuid, url text, secret text,
               previous_secret text, event_type text, payload json, attempts int)
language plpgsql security definer set search_path = public as $$
#variable_conflict use_column
declare
  lease uuid := gen_random_uuid();
begin
  return query
  with due as (
    select d.id from webhook_delivery d
      join webhook_subscription s on s.id = d.subscription_id
     where d.status = 'PENDING' and d.next_attempt_at <= p_now
       and (d.leased_until is null or d.leased_until <= p_now)
       and s.paused_at is null
       and not exists (select 1 from webhook_delivery e
                        where e.subscription_id = d.subscription_id and e.status = 'PENDING' and e.seq < d.seq)
     order by d.next_attempt_at, d.seq
     limit p_limit
     for update of d skip locked
  )
  update webhook_delivery w set lease_id = lease, leased_until = p_lease_until
    from due, webhook_subscription s
   where w.id = due.id and s.id = w.subscription_id
  returning w.id, w.lease_id, w.subscription_id, w.organisation_id, s.url, s.secret,
            case when s.previous_secret_expires_at > p_now then s.previous_secret end,
            w.event_type, w.payload, w.attempts;
end $$;

-- Records one attempt of a leased delivery: p_outcome DELIVERED, RETRY (at p_next_attempt_at) or FAILED.
-- A lease that expired and was taken over records nothing. Returns whether it was recorded.
create or replace function webhook_record_attempt(
  p_delivery uuid, p_lease uuid, p_attempted_at timestamptz, p_duration_ms int, p_status_code int, p_error text,
  p_response_body text, p_outcome text, p_next_attempt_at timestamptz
) returns boolean language plpgsql security definer set search_path = public as $$
declare
  done integer;
begin
  update webhook_delivery d set
    attempts = d.attempts + 1,
    status = case p_outcome when 'DELIVERED' then 'DELIVERED' when 'FAILED' then 'FAILED' else 'PENDING' end,
    next_attempt_at = case when p_outcome = 'RETRY' then p_next_attempt_at else d.next_attempt_at end,
    delivered_at = case when p_outcome = 'DELIVERED' then p_attempted_at + p_duration_ms * interval '1 millisecond' end,
    last_status_code = p_status_code,
    last_error = p_error,
    lease_id = null,
    leased_until = null
   where d.id = p_delivery and d.lease_id = p_lease and d.status = 'PENDING'
  returning d.attempts into done;
  if done is null then return false; end if;
  insert into webhook_delivery_attempt (delivery_id, number, organisation_id, attempted_at, duration_ms, status_code,
                                        error, response_body)
  select d.id, done, d.organisation_id, p_attempted_at, p_duration_ms, p_status_code, p_error, p_response_body
    from webhook_delivery d where d.id = p_delivery;
  return true;
end $$;

-- Gives back a lease without an attempt (the process is stopping): another worker may take it at once.
create or replace function webhook_release(p_delivery uuid, p_lease uuid) returns void
language sql security definer set search_path = public as $$
  update webhook_delivery set lease_id = null, leased_until = null where id = p_delivery and lease_id = p_lease
$$;

-- The delivery log is kept for a while: finished deliveries created before p_before go (replays' links are cleared).
create or replace function webhook_expire_deliveries(p_before timestamptz) returns integer
language sql security definer set search_path = public as $$
  with gone as (delete from webhook_delivery where status <> 'PENDING' and created_at < p_before returning 1)
  select count(*)::int from gone
$$;
`);
  }
}
