import { Migration } from '@mikro-orm/migrations';

/**
 * Group moderators are named by e-mail, like invitations: a platform admin names a person who
 * may not have signed in yet, and they moderate once they sign in with that verified e-mail.
 */
export class Migration20261129010000GroupModeratorsByEmail extends Migration {
  override name = 'Migration20261129010000GroupModeratorsByEmail';

  override up(): void {
    this.addSql(`
drop table group_moderator;
create table group_moderator (
  group_id uuid not null references thematic_group (id),
  email text not null check (email = lower(email)),
  added_by text not null,
  created_at timestamptz not null default now(),
  primary key (group_id, email)
);
alter table group_moderator enable row level security;
alter table group_moderator force row level security;
create policy group_moderator_read on group_moderator for select using (true);
create policy group_moderator_admin on group_moderator for all
  using (app_has_platform_role('PLATFORM_ADMIN')) with check (app_has_platform_role('PLATFORM_ADMIN'));

create or replace function app_can_moderate(gid uuid) returns boolean language sql stable as $$
  select app_has_platform_role('PLATFORM_ADMIN') or app_has_platform_role('MODERATOR')
    or exists (select 1 from group_moderator m where m.group_id = gid and m.email = app_current_email())
$$;
`);
  }
}
