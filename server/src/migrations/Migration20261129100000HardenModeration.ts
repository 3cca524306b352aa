import { Migration } from '@mikro-orm/migrations';

/**
 * Moderation that cannot be steered from the application role: the report threshold is a
 * setting written by the schema owner at start-up, only reports from organisations count, and a
 * moderator's restore resets the count. Authors cannot un-hide their comments; compliance
 * snapshots are written only for one's own organisation or by its verifiers.
 */
export class Migration20261129100000HardenModeration extends Migration {
  override name = 'Migration20261129100000HardenModeration';

  override up(): void {
    this.addSql(`
create table app_setting (
  key text primary key,
  value text not null
);
insert into app_setting (key, value) values ('comment_report_threshold', '3');
alter table app_setting enable row level security;
alter table app_setting force row level security;
create policy app_setting_read on app_setting for select using (true);
do $$ begin
  execute format('create policy app_setting_owner on app_setting for all to %I using (true) with check (true)', current_user);
end $$;

alter table comment add column moderated_at timestamptz;

drop function comment_hide_if_reported(uuid, integer);
create or replace function comment_hide_if_reported(cid uuid) returns boolean
language sql volatile security definer set search_path = public as $$
  update comment c set status = 'HIDDEN', hidden_reason = 'REPORTS', hidden_at = now()
   where c.id = cid and c.status = 'VISIBLE'
     and (select count(distinct r.reporter_organisation_id) from comment_report r
           where r.comment_id = cid and r.reporter_organisation_id is not null
             and r.created_at > coalesce(c.moderated_at, '-infinity'::timestamptz))
         >= (select value::integer from app_setting where key = 'comment_report_threshold')
  returning true
$$;

drop policy comment_update on comment;
create policy comment_update on comment for update
  using (app_has_platform_role('PLATFORM_ADMIN') or app_has_platform_role('MODERATOR')
         or (author_subject = app_current_subject() and status = 'VISIBLE'))
  with check (app_has_platform_role('PLATFORM_ADMIN') or app_has_platform_role('MODERATOR')
         or (author_subject = app_current_subject() and status = 'VISIBLE'));

drop policy compliance_snapshot_write on compliance_snapshot;
create policy compliance_snapshot_write on compliance_snapshot for insert
  with check (organisation_id = app_current_org() or app_can_verify(organisation_id));
`);
  }
}
