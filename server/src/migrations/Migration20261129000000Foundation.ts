import { Migration } from '@mikro-orm/migrations';

/**
 * Foundation: organisations (tenants), members, invitations, thematic groups and
 * group memberships, service accounts and the audit log, with row-level security.
 *
 * RLS reads per-transaction settings set by the API (see common/tenancy):
 *   app.organisation_id  the active organisation (uuid or '')
 *   app.subject          the token subject of the person or service account
 *   app.email            the token's e-mail when verified (accepting invitations)
 *   app.client_id        the token's client (service-account lookup)
 *   app.platform_roles   comma-separated realm roles (PLATFORM_ADMIN, MODERATOR)
 */
export class Migration20261129000000Foundation extends Migration {
  override name = 'Migration20261129000000Foundation';

  override up(): void {
    this.addSql(`
create or replace function app_current_org() returns uuid language sql stable as
  $$ select nullif(current_setting('app.organisation_id', true), '')::uuid $$;
create or replace function app_current_subject() returns text language sql stable as
  $$ select nullif(current_setting('app.subject', true), '') $$;
create or replace function app_current_email() returns text language sql stable as
  $$ select nullif(lower(current_setting('app.email', true)), '') $$;
create or replace function app_current_client() returns text language sql stable as
  $$ select nullif(current_setting('app.client_id', true), '') $$;
create or replace function app_has_platform_role(wanted text) returns boolean language sql stable as
  $$ select wanted = any(string_to_array(coalesce(current_setting('app.platform_roles', true), ''), ',')) $$;

create table organisation (
  id uuid primary key default gen_random_uuid(),
  slug text not null,
  name text not null,
  kind text not null check (kind in ('NGO', 'STATE_INSTITUTION', 'MUNICIPAL_INSTITUTION', 'OTHER')),
  region text not null,
  website text,
  inn text,
  ogrn text,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint organisation_slug_unique unique (slug)
);
create index organisation_kind_region_idx on organisation (kind, region);

create table member (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  subject text not null,
  display_name text not null,
  email text,
  role text not null check (role in ('ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint member_organisation_subject_unique unique (organisation_id, subject)
);
create index member_subject_idx on member (subject);

create table invitation (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  email text not null,
  role text not null check (role in ('ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER')),
  status text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'REVOKED')),
  invited_by text not null,
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create unique index invitation_pending_unique on invitation (organisation_id, lower(email)) where status = 'PENDING';
create index invitation_email_idx on invitation (lower(email)) where status = 'PENDING';

create table thematic_group (
  id uuid primary key default gen_random_uuid(),
  slug text not null,
  title_ru text not null,
  title_en text not null,
  description_ru text not null,
  description_en text not null,
  join_policy text not null check (join_policy in ('OPEN', 'MODERATED')),
  created_at timestamptz not null default now(),
  constraint thematic_group_slug_unique unique (slug)
);

create table group_moderator (
  group_id uuid not null references thematic_group (id),
  subject text not null,
  primary key (group_id, subject)
);

create or replace function app_can_moderate(gid uuid) returns boolean language sql stable as $$
  select app_has_platform_role('PLATFORM_ADMIN') or app_has_platform_role('MODERATOR')
    or exists (select 1 from group_moderator m where m.group_id = gid and m.subject = app_current_subject())
$$;

create table group_membership (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  group_id uuid not null references thematic_group (id),
  status text not null check (status in ('PENDING', 'ACTIVE', 'REJECTED', 'LEFT')),
  requested_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by text,
  rejection_reason text,
  left_at timestamptz
);
create unique index group_membership_current_unique on group_membership (organisation_id, group_id)
  where status in ('PENDING', 'ACTIVE');
create index group_membership_group_idx on group_membership (group_id, status);

create table service_account (
  client_id text primary key,
  organisation_id uuid not null references organisation (id),
  role text not null check (role in ('ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER')),
  created_at timestamptz not null default now()
);

create table audit_event (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references organisation (id),
  actor_subject text not null,
  action text not null,
  object_type text not null,
  object_id text not null,
  summary jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index audit_event_organisation_idx on audit_event (organisation_id, created_at desc);

alter table organisation enable row level security;
alter table organisation force row level security;
create policy organisation_read on organisation for select using (true);
create policy organisation_register on organisation for insert with check (app_current_subject() is not null);
create policy organisation_update on organisation for update using (id = app_current_org()) with check (id = app_current_org());

alter table member enable row level security;
alter table member force row level security;
create policy member_read on member for select
  using (organisation_id = app_current_org() or subject = app_current_subject());
create policy member_write on member for all
  using (organisation_id = app_current_org()) with check (organisation_id = app_current_org());

alter table invitation enable row level security;
alter table invitation force row level security;
create policy invitation_read on invitation for select
  using (organisation_id = app_current_org() or (status = 'PENDING' and lower(email) = app_current_email()));
create policy invitation_write on invitation for all
  using (organisation_id = app_current_org()) with check (organisation_id = app_current_org());

alter table thematic_group enable row level security;
alter table thematic_group force row level security;
create policy thematic_group_read on thematic_group for select using (true);
create policy thematic_group_admin on thematic_group for all
  using (app_has_platform_role('PLATFORM_ADMIN')) with check (app_has_platform_role('PLATFORM_ADMIN'));

alter table group_moderator enable row level security;
alter table group_moderator force row level security;
create policy group_moderator_read on group_moderator for select using (true);
create policy group_moderator_admin on group_moderator for all
  using (app_has_platform_role('PLATFORM_ADMIN')) with check (app_has_platform_role('PLATFORM_ADMIN'));

alter table group_membership enable row level security;
alter table group_membership force row level security;
create policy group_membership_read on group_membership for select
  using (status = 'ACTIVE' or organisation_id = app_current_org() or app_can_moderate(group_id));
create policy group_membership_request on group_membership for insert
  with check (organisation_id = app_current_org());
create policy group_membership_update on group_membership for update
  using (organisation_id = app_current_org() or app_can_moderate(group_id))
  with check (organisation_id = app_current_org() or app_can_moderate(group_id));

alter table service_account enable row level security;
alter table service_account force row level security;
create policy service_account_read on service_account for select
  using (organisation_id = app_current_org() or client_id = app_current_client());
create policy service_account_write on service_account for all
  using (organisation_id = app_current_org()) with check (organisation_id = app_current_org());

alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy audit_event_read on audit_event for select
  using (organisation_id = app_current_org() or app_has_platform_role('PLATFORM_ADMIN'));
create policy audit_event_write on audit_event for insert
  with check (actor_subject = app_current_subject()
    and (organisation_id is null or organisation_id = app_current_org()));
`);
  }
}
