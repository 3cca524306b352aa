import { Migration } from '@mikro-orm/migrations';

/**
 * Information-openness standards (versioned data), disclosures against their criteria with
 * verification, and compliance snapshots for history.
 */
export class Migration20261129090000Openness extends Migration {
  override name = 'Migration20261129090000Openness';

  override up(): void {
    this.addSql(`
create table openness_standard (
  id uuid primary key default gen_random_uuid(),
  key text not null,
  version integer not null,
  formula text not null check (formula in ('WEIGHTED_SHARE', 'NOK_USO')),
  applies_to text[] not null,
  definition jsonb not null,
  published_at timestamptz not null default now(),
  published_by text not null,
  constraint openness_standard_version_unique unique (key, version)
);

create table disclosure (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  standard_id uuid not null references openness_standard (id),
  criterion_key text not null,
  status text not null default 'CLAIMED' check (status in ('CLAIMED', 'VERIFIED', 'REJECTED')),
  evidence_url text,
  evidence_text text,
  evidence_number numeric,
  as_of date not null,
  submitted_by text not null,
  decided_by text,
  decided_by_organisation_id uuid references organisation (id),
  decided_at timestamptz,
  rejection_reason text,
  answer text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint disclosure_one_per_criterion unique (organisation_id, standard_id, criterion_key)
);
create index disclosure_status_idx on disclosure (status, standard_id);

create table compliance_snapshot (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  standard_id uuid not null references openness_standard (id),
  score numeric(5, 2) not null,
  level_key text,
  breakdown jsonb not null,
  taken_at timestamptz not null default now()
);
create index compliance_snapshot_idx on compliance_snapshot (organisation_id, standard_id, taken_at);

-- Who may verify an organisation's disclosures: moderators, or an ADMIN of another organisation sharing an ACTIVE group.
create or replace function app_can_verify(org uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select app_has_platform_role('PLATFORM_ADMIN') or app_has_platform_role('MODERATOR')
    or (app_current_org() is distinct from org and app_current_role() = 'ADMIN' and exists (
      select 1 from group_membership mine join group_membership theirs on theirs.group_id = mine.group_id
       where mine.organisation_id = app_current_org() and mine.status = 'ACTIVE'
         and theirs.organisation_id = org and theirs.status = 'ACTIVE'))
$$;

alter table openness_standard enable row level security;
alter table openness_standard force row level security;
create policy openness_standard_read on openness_standard for select using (true);
create policy openness_standard_publish on openness_standard for insert with check (app_has_platform_role('PLATFORM_ADMIN'));

alter table disclosure enable row level security;
alter table disclosure force row level security;
create policy disclosure_read on disclosure for select
  using (status = 'VERIFIED' or organisation_id = app_current_org() or app_can_verify(organisation_id));
create policy disclosure_claim on disclosure for insert
  with check (organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR') and status = 'CLAIMED');
create policy disclosure_update on disclosure for update
  using (organisation_id = app_current_org() or app_can_verify(organisation_id))
  with check ((organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR') and status = 'CLAIMED')
           or (organisation_id <> coalesce(app_current_org(), '00000000-0000-0000-0000-000000000000'::uuid) and app_can_verify(organisation_id)));

alter table compliance_snapshot enable row level security;
alter table compliance_snapshot force row level security;
create policy compliance_snapshot_read on compliance_snapshot for select using (true);
create policy compliance_snapshot_write on compliance_snapshot for insert with check (app_current_subject() is not null);

do $$
declare t text;
begin
  foreach t in array array['openness_standard', 'disclosure', 'compliance_snapshot'] loop
    execute format('create policy %I on %I for all to %I using (true) with check (true)', t || '_owner', t, current_user);
  end loop;
end $$;
`);
  }
}
