import { Migration } from '@mikro-orm/migrations';

/**
 * Peer reviews of practice revisions. A review belongs to the reviewing organisation; the
 * practice's owner may answer it once. One review per reviewing organisation per revision is a
 * unique constraint, never by the owner (a check), and only by an ACTIVE member of the group.
 */
export class Migration20261129050000Reviews extends Migration {
  override name = 'Migration20261129050000Reviews';

  override up(): void {
    this.addSql(`
create or replace function app_is_active_in_group(org uuid, gid uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from group_membership where organisation_id = org and group_id = gid and status = 'ACTIVE')
$$;

create table review (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  practice_id uuid not null references practice (id),
  practice_organisation_id uuid not null references organisation (id),
  group_id uuid not null references thematic_group (id),
  revision_id uuid not null references practice_revision (id),
  revision_number integer not null,
  reviewer_subject text not null,
  reviewer_name text not null,
  status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED')),
  relevance smallint check (relevance between 1 and 5),
  depth smallint check (depth between 1 and 5),
  loop_closure smallint check (loop_closure between 1 and 5),
  evidence smallint check (evidence between 1 and 5),
  replicability smallint check (replicability between 1 and 5),
  confidence smallint check (confidence between 1 and 5),
  body text not null default '',
  version integer not null default 1,
  edition integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  constraint review_not_by_owner check (organisation_id <> practice_organisation_id),
  constraint review_one_per_organisation_and_revision unique (organisation_id, revision_id),
  constraint review_submitted_complete check (status = 'DRAFT' or (relevance is not null and depth is not null
    and loop_closure is not null and evidence is not null and replicability is not null and confidence is not null))
);
create index review_practice_idx on review (practice_id, status);

create table review_edition (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  review_id uuid not null references review (id),
  number integer not null,
  relevance smallint not null,
  depth smallint not null,
  loop_closure smallint not null,
  evidence smallint not null,
  replicability smallint not null,
  confidence smallint not null,
  body text not null,
  created_at timestamptz not null default now(),
  constraint review_edition_number_unique unique (review_id, number)
);

create table review_response (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  review_id uuid not null references review (id),
  author_subject text not null,
  author_name text not null,
  body text not null,
  created_at timestamptz not null default now(),
  constraint review_response_one_per_review unique (review_id)
);

alter table review enable row level security;
alter table review force row level security;
create policy review_read on review for select using (status = 'SUBMITTED' or organisation_id = app_current_org());
create policy review_write on review for insert with check (
  organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR', 'REVIEWER')
  and organisation_id <> practice_organisation_id and app_is_active_in_group(organisation_id, group_id));
create policy review_update on review for update
  using (organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR', 'REVIEWER'))
  with check (organisation_id = app_current_org());

alter table review_edition enable row level security;
alter table review_edition force row level security;
create policy review_edition_read on review_edition for select
  using (organisation_id = app_current_org() or exists (select 1 from review r where r.id = review_id and r.status = 'SUBMITTED'));
create policy review_edition_write on review_edition for insert with check (organisation_id = app_current_org());

alter table review_response enable row level security;
alter table review_response force row level security;
create policy review_response_read on review_response for select using (true);
create policy review_response_write on review_response for insert with check (
  organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR')
  and exists (select 1 from review r where r.id = review_response.review_id
    and r.practice_organisation_id = review_response.organisation_id and r.status = 'SUBMITTED'));

-- The practice's review count (for sorting) follows its submitted reviews, whoever wrote them.
create or replace function practice_count_reviews() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  update practice set review_count = (select count(*) from review where practice_id = new.practice_id and status = 'SUBMITTED')
   where id = new.practice_id;
  return null;
end $$;
create trigger review_counts after insert or update of status on review
  for each row execute function practice_count_reviews();

do $$
declare t text;
begin
  foreach t in array array['review', 'review_edition', 'review_response'] loop
    execute format('create policy %I on %I for all to %I using (true) with check (true)', t || '_owner', t, current_user);
  end loop;
end $$;
`);
  }
}
