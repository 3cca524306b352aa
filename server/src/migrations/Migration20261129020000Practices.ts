import { Migration } from '@mikro-orm/migrations';

/**
 * Engagement practices: the feedback-methods catalogue (reference data), practices owned by an
 * organisation and published in one thematic group, immutable published revisions, and Russian
 * full-text search (the `russian` configuration also stems Latin-script words as English).
 */
export class Migration20261129020000Practices extends Migration {
  override name = 'Migration20261129020000Practices';

  override up(): void {
    this.addSql(`
create table feedback_method (
  id uuid primary key default gen_random_uuid(),
  key text not null,
  category text not null check (category in ('COLLECTION_METHOD', 'TOOL', 'RECOMMENDATION')),
  title_ru text not null,
  title_en text not null,
  description_ru text not null,
  description_en text not null,
  constraint feedback_method_key_unique unique (key)
);
alter table feedback_method enable row level security;
alter table feedback_method force row level security;
create policy feedback_method_read on feedback_method for select using (true);
create policy feedback_method_admin on feedback_method for all
  using (app_has_platform_role('PLATFORM_ADMIN')) with check (app_has_platform_role('PLATFORM_ADMIN'));

create or replace function jsonb_text_array(value jsonb) returns text[]
language sql immutable parallel safe as $$
  select coalesce(array(select jsonb_array_elements_text(case when jsonb_typeof(value) = 'array' then value else '[]'::jsonb end)), '{}')
$$;

create or replace function practice_search_document(title text, summary text, content jsonb) returns tsvector
language sql immutable parallel safe as $$
  select setweight(to_tsvector('russian', coalesce(title, '')), 'A')
      || setweight(to_tsvector('russian', coalesce(summary, '')), 'B')
      || setweight(to_tsvector('russian', coalesce(content->>'problem', '') || ' '
           || coalesce(content->'beneficiarySegment'->>'description', '') || ' '
           || coalesce(content->'loopClosure'->>'returnedWhat', '') || ' '
           || coalesce(content->'loopClosure'->>'returnedHow', '') || ' '
           || coalesce((select string_agg(t, ' ') from jsonb_array_elements_text(coalesce(content->'tags', '[]'::jsonb)) t), '')), 'C')
      || setweight(to_tsvector('russian', coalesce(content->>'resources', '') || ' '
           || coalesce(content->>'replicationAdvice', '') || ' '
           || coalesce((select string_agg(i->>'name', ' ') from jsonb_array_elements(coalesce(content->'indicators', '[]'::jsonb)) i), '')), 'D')
$$;

create table practice (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  group_id uuid not null references thematic_group (id),
  status text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
  version integer not null default 1,
  revision_number integer not null default 0,
  title text not null,
  summary text not null default '',
  content jsonb not null default '{}'::jsonb,
  participation_level text generated always as (content->>'participationLevel') stored,
  loop_closed boolean generated always as ((content->'loopClosure'->>'closed')::boolean) stored,
  tags text[] generated always as (jsonb_text_array(content->'tags')) stored,
  search tsvector generated always as (practice_search_document(title, summary, content)) stored,
  review_count integer not null default 0,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  archived_at timestamptz
);
create index practice_search_idx on practice using gin (search);
create index practice_tags_idx on practice using gin (tags);
create index practice_listing_idx on practice (status, published_at desc, id);
create index practice_group_idx on practice (group_id, status);
create index practice_organisation_idx on practice (organisation_id, status);

create table practice_method (
  practice_id uuid not null references practice (id) on delete cascade,
  organisation_id uuid not null references organisation (id),
  method_id uuid not null references feedback_method (id),
  position integer not null,
  primary key (practice_id, method_id)
);
create index practice_method_method_idx on practice_method (method_id);

create table practice_revision (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  practice_id uuid not null references practice (id),
  number integer not null,
  title text not null,
  summary text not null,
  content jsonb not null,
  method_keys text[] not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  constraint practice_revision_number_unique unique (practice_id, number)
);

alter table practice enable row level security;
alter table practice force row level security;
create policy practice_read on practice for select using (status <> 'DRAFT' or organisation_id = app_current_org());
create policy practice_write on practice for all
  using (organisation_id = app_current_org()) with check (organisation_id = app_current_org());

alter table practice_method enable row level security;
alter table practice_method force row level security;
create policy practice_method_read on practice_method for select
  using (organisation_id = app_current_org()
    or exists (select 1 from practice p where p.id = practice_id and p.status <> 'DRAFT'));
create policy practice_method_write on practice_method for all
  using (organisation_id = app_current_org()) with check (organisation_id = app_current_org());

alter table practice_revision enable row level security;
alter table practice_revision force row level security;
create policy practice_revision_read on practice_revision for select
  using (organisation_id = app_current_org()
    or exists (select 1 from practice p where p.id = practice_id and p.status <> 'DRAFT'));
create policy practice_revision_write on practice_revision for insert with check (organisation_id = app_current_org());
`);
  }
}
