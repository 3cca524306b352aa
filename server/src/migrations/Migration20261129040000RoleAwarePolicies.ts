import { Migration } from '@mikro-orm/migrations';

/**
 * Row-level security that knows roles and states, so that a write slipping past the
 * resolvers is still refused: only ADMINs change members, invitations, the profile and
 * group memberships; a membership is created only by registration or a pending invitation;
 * an organisation can ask to join (PENDING, or ACTIVE in an OPEN group) and leave, but only
 * moderators approve; only EDITORs and ADMINs write practices. Group moderators' e-mails are
 * readable by platform admins and by the moderator alone. The schema owner (migrations and
 * seeds) keeps full access through its own policies, since FORCE applies to it too.
 */
export class Migration20261129040000RoleAwarePolicies extends Migration {
  override name = 'Migration20261129040000RoleAwarePolicies';

  override up(): void {
    this.addSql(`
create or replace function app_current_role() returns text
language sql stable security definer set search_path = public as $$
  select coalesce(
    (select role from member where organisation_id = app_current_org() and subject = app_current_subject()),
    (select role from service_account where organisation_id = app_current_org() and client_id = app_current_client())
  )
$$;

create or replace function app_org_has_members(org uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from member where organisation_id = org)
$$;

create or replace function app_has_pending_invitation(org uuid, wanted_role text) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from invitation where organisation_id = org and status = 'PENDING'
                   and lower(email) = app_current_email() and role = wanted_role)
$$;

create or replace function app_group_is_open(gid uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from thematic_group where id = gid and join_policy = 'OPEN')
$$;

drop policy organisation_update on organisation;
create policy organisation_update on organisation for update
  using (id = app_current_org() and app_current_role() = 'ADMIN') with check (id = app_current_org());

drop policy member_write on member;
create policy member_join on member for insert with check (
  organisation_id = app_current_org() and subject = app_current_subject()
  and ((role = 'ADMIN' and not app_org_has_members(organisation_id)) or app_has_pending_invitation(organisation_id, role)));
create policy member_update on member for update
  using (organisation_id = app_current_org() and app_current_role() = 'ADMIN') with check (organisation_id = app_current_org());
create policy member_delete on member for delete
  using (organisation_id = app_current_org() and (app_current_role() = 'ADMIN' or subject = app_current_subject()));

drop policy invitation_write on invitation;
create policy invitation_create on invitation for insert
  with check (organisation_id = app_current_org() and app_current_role() = 'ADMIN');
create policy invitation_decide on invitation for update
  using (organisation_id = app_current_org()
    and (app_current_role() = 'ADMIN' or (status = 'PENDING' and lower(email) = app_current_email())))
  with check (organisation_id = app_current_org() and (app_current_role() = 'ADMIN' or status = 'ACCEPTED'));

drop policy group_membership_request on group_membership;
drop policy group_membership_update on group_membership;
create policy group_membership_request on group_membership for insert with check (
  organisation_id = app_current_org() and app_current_role() = 'ADMIN'
  and (status = 'PENDING' or (status = 'ACTIVE' and app_group_is_open(group_id))));
create policy group_membership_update on group_membership for update
  using (organisation_id = app_current_org() or app_can_moderate(group_id))
  with check (app_can_moderate(group_id) or (organisation_id = app_current_org() and status = 'LEFT'));

drop policy group_moderator_read on group_moderator;
create policy group_moderator_read on group_moderator for select
  using (app_has_platform_role('PLATFORM_ADMIN') or email = app_current_email());

drop policy service_account_write on service_account;
create policy service_account_write on service_account for all
  using (organisation_id = app_current_org() and app_current_role() = 'ADMIN')
  with check (organisation_id = app_current_org() and app_current_role() = 'ADMIN');

drop policy practice_write on practice;
create policy practice_write on practice for all
  using (organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR'))
  with check (organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR'));
drop policy practice_method_write on practice_method;
create policy practice_method_write on practice_method for all
  using (organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR'))
  with check (organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR'));
drop policy practice_revision_write on practice_revision;
create policy practice_revision_write on practice_revision for insert
  with check (organisation_id = app_current_org() and app_current_role() in ('ADMIN', 'EDITOR'));

do $$
declare t text;
begin
  for t in select c.relname from pg_class c
            where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relrowsecurity
  loop
    execute format('create policy %I on %I for all to %I using (true) with check (true)', t || '_owner', t, current_user);
  end loop;
end $$;
`);
  }
}
