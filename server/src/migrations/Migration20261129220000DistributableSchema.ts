import { Migration } from '@mikro-orm/migrations';

/**
 * Keys that let the schema be sharded by organisation (Citus; server/src/db/distribution.ts says which table goes
 * where, ops/citus/ has the SQL and the trade-offs).
 *
 * - Every organisation-owned table carries organisation_id in its primary key and in every unique constraint,
 *   after the columns the application looks rows up by (id first), so a lookup by id keeps its index; ids stay
 *   unique on their own (random uuids).
 * - A reference to another row of the same organisation is a composite foreign key (organisation_id, x_id).
 * - A reference to another organisation's row (a review of a practice, a reply to a comment, a response to a
 *   review) names the target's organisation in its own column, so the target's shard is known:
 *   (practice_organisation_id, practice_id) and so on. These are the only foreign keys a Citus cluster cannot
 *   keep; ops/citus/distribute.sql drops them (practices, revisions, reviews and comments are never deleted, and
 *   every mutation that writes such a reference reads its target first).
 * - A complaint about a comment (comment_report) belongs to the organisation whose comment it is.
 * - Notifications belong to a person: keyed by recipient_subject.
 * - The activity log splits in two: an organisation's entries (organisation_audit_event, organisation_id not
 *   null) and the platform's own (platform_audit_event: catalogue and moderation actions taken for no
 *   organisation). `audit_event` becomes a view over both, so readers and the application see one log; an
 *   insert into the view goes to the right table.
 */
export class Migration20261129220000DistributableSchema extends Migration {
  override name = 'Migration20261129220000DistributableSchema';

  override up(): void {
    this.addSql(`
-- 1. The activity log: an organisation's entries and the platform's own.
alter table audit_event rename to organisation_audit_event;
alter table organisation_audit_event rename constraint audit_event_pkey to organisation_audit_event_pkey;
alter table organisation_audit_event rename constraint audit_event_organisation_id_fkey to organisation_audit_event_organisation_id_fkey;
alter index audit_event_organisation_idx rename to organisation_audit_event_organisation_idx;
alter trigger audit_event_data_changed on organisation_audit_event rename to organisation_audit_event_data_changed;

create table platform_audit_event (
  id uuid primary key default gen_random_uuid(),
  actor_subject text not null,
  actor_name text not null default '',
  action text not null,
  object_type text not null,
  object_id text not null,
  summary jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index platform_audit_event_created_idx on platform_audit_event (created_at desc, id desc);

insert into platform_audit_event (id, actor_subject, actor_name, action, object_type, object_id, summary, created_at)
  select id, actor_subject, actor_name, action, object_type, object_id, summary, created_at
    from organisation_audit_event where organisation_id is null;
delete from organisation_audit_event where organisation_id is null;
alter table organisation_audit_event alter column organisation_id set not null;

drop policy audit_event_write on organisation_audit_event;
create policy audit_event_write on organisation_audit_event for insert
  with check (actor_subject = app_current_subject() and organisation_id = app_current_org());

alter table platform_audit_event enable row level security;
alter table platform_audit_event force row level security;
create policy platform_audit_event_read on platform_audit_event for select
  using (app_has_platform_role('PLATFORM_ADMIN'));
create policy platform_audit_event_write on platform_audit_event for insert
  with check (actor_subject = app_current_subject());
do $$ begin
  execute format('create policy platform_audit_event_owner on platform_audit_event for all to %I using (true) with check (true)', current_user);
end $$;
create trigger platform_audit_event_data_changed after insert or update or delete or truncate on platform_audit_event
  for each statement execute function app_notify_data_changed();

-- The reader's row-level security applies through the view (security_invoker).
create view audit_event with (security_invoker = true) as
  select id, organisation_id, actor_subject, actor_name, action, object_type, object_id, summary, created_at
    from organisation_audit_event
  union all
  select id, null::uuid, actor_subject, actor_name, action, object_type, object_id, summary, created_at
    from platform_audit_event;

create function audit_event_insert() returns trigger language plpgsql as $$
begin
  new.id := coalesce(new.id, gen_random_uuid());
  new.actor_name := coalesce(new.actor_name, '');
  new.summary := coalesce(new.summary, '{}');
  new.created_at := coalesce(new.created_at, now());
  if new.organisation_id is null then
    insert into platform_audit_event (id, actor_subject, actor_name, action, object_type, object_id, summary, created_at)
      values (new.id, new.actor_subject, new.actor_name, new.action, new.object_type, new.object_id, new.summary, new.created_at);
  else
    insert into organisation_audit_event
      (id, organisation_id, actor_subject, actor_name, action, object_type, object_id, summary, created_at)
      values (new.id, new.organisation_id, new.actor_subject, new.actor_name, new.action, new.object_type, new.object_id,
              new.summary, new.created_at);
  end if;
  return new;
end $$;
create trigger audit_event_insert instead of insert on audit_event
  for each row execute function audit_event_insert();

-- 2. Columns naming the organisation of a row in another organisation's shard.
alter table comment add column practice_organisation_id uuid, add column review_organisation_id uuid,
  add column parent_organisation_id uuid;
alter table review_response add column review_organisation_id uuid;
alter table comment_report add column organisation_id uuid;

alter table comment disable trigger user;
update comment c set practice_organisation_id = p.organisation_id from practice p where p.id = c.practice_id;
update comment c set review_organisation_id = r.organisation_id from review r where r.id = c.review_id;
update comment c set parent_organisation_id = parent.organisation_id from comment parent where parent.id = c.parent_id;
alter table comment enable trigger user;
alter table review_response disable trigger user;
update review_response s set review_organisation_id = r.organisation_id from review r where r.id = s.review_id;
alter table review_response enable trigger user;
alter table comment_report disable trigger user;
update comment_report k set organisation_id = c.organisation_id from comment c where c.id = k.comment_id;
alter table comment_report enable trigger user;

alter table comment alter column practice_organisation_id set not null,
  add constraint comment_review_organisation_check check ((review_id is null) = (review_organisation_id is null)),
  add constraint comment_parent_organisation_check check ((parent_id is null) = (parent_organisation_id is null));
alter table review_response alter column review_organisation_id set not null;
alter table comment_report alter column organisation_id set not null,
  add constraint comment_report_organisation_id_fkey foreign key (organisation_id) references organisation (id);

-- 3. Foreign keys on single ids go; primary keys and unique constraints take the owner's key.
alter table practice_method drop constraint practice_method_practice_id_fkey;
alter table practice_revision drop constraint practice_revision_practice_id_fkey;
alter table review drop constraint review_practice_id_fkey, drop constraint review_revision_id_fkey;
alter table review_edition drop constraint review_edition_review_id_fkey;
alter table review_response drop constraint review_response_review_id_fkey;
alter table comment drop constraint comment_practice_id_fkey, drop constraint comment_review_id_fkey,
  drop constraint comment_parent_id_fkey;
alter table comment_edit drop constraint comment_edit_comment_id_fkey;
alter table comment_report drop constraint comment_report_comment_id_fkey;
alter table webhook_delivery drop constraint webhook_delivery_subscription_id_fkey,
  drop constraint webhook_delivery_replay_of_fkey;
alter table webhook_delivery_attempt drop constraint webhook_delivery_attempt_delivery_id_fkey;
alter table notification_outbox drop constraint notification_outbox_notification_id_fkey;

do $$
declare t text;
begin
  foreach t in array array['member', 'invitation', 'group_membership', 'organisation_audit_event', 'practice',
    'practice_revision', 'review', 'review_edition', 'review_response', 'comment', 'comment_edit', 'comment_report',
    'disclosure', 'compliance_snapshot', 'rating_outbox', 'webhook_subscription', 'webhook_delivery'] loop
    execute format('alter table %I drop constraint %I, add constraint %I primary key (id, organisation_id)',
                   t, t || '_pkey', t || '_pkey');
  end loop;
end $$;
alter table practice_method drop constraint practice_method_pkey,
  add constraint practice_method_pkey primary key (practice_id, method_id, organisation_id);
alter table webhook_delivery_attempt drop constraint webhook_delivery_attempt_pkey,
  add constraint webhook_delivery_attempt_pkey primary key (delivery_id, number, organisation_id);
alter table service_account drop constraint service_account_pkey, drop constraint service_account_id_unique,
  add constraint service_account_pkey primary key (client_id, organisation_id),
  add constraint service_account_id_unique unique (id, organisation_id);
alter table notification drop constraint notification_pkey,
  add constraint notification_pkey primary key (id, recipient_subject);
alter table notification_outbox drop constraint notification_outbox_pkey,
  add constraint notification_outbox_pkey primary key (id, recipient_subject);

alter table practice_revision drop constraint practice_revision_number_unique,
  add constraint practice_revision_number_unique unique (practice_id, number, organisation_id);
alter table review_edition drop constraint review_edition_number_unique,
  add constraint review_edition_number_unique unique (review_id, number, organisation_id);
-- One response per review: the responder is always the practice's organisation, so per organisation is the same.
alter table review_response drop constraint review_response_one_per_review,
  add constraint review_response_one_per_review unique (review_id, organisation_id);
alter table comment_report drop constraint comment_report_once,
  add constraint comment_report_once unique (comment_id, reporter_subject, organisation_id);
alter table webhook_delivery drop constraint webhook_delivery_seq_unique,
  add constraint webhook_delivery_seq_unique unique (seq, organisation_id);

-- 4. References within an organisation: composite, on the owner's key.
alter table practice_method add constraint practice_method_practice_fkey
  foreign key (organisation_id, practice_id) references practice (organisation_id, id) on delete cascade;
alter table practice_revision add constraint practice_revision_practice_fkey
  foreign key (organisation_id, practice_id) references practice (organisation_id, id);
alter table review_edition add constraint review_edition_review_fkey
  foreign key (organisation_id, review_id) references review (organisation_id, id);
alter table comment_edit add constraint comment_edit_comment_fkey
  foreign key (organisation_id, comment_id) references comment (organisation_id, id);
alter table comment_report add constraint comment_report_comment_fkey
  foreign key (organisation_id, comment_id) references comment (organisation_id, id);
alter table webhook_delivery add constraint webhook_delivery_subscription_fkey
  foreign key (organisation_id, subscription_id) references webhook_subscription (organisation_id, id) on delete cascade;
alter table webhook_delivery add constraint webhook_delivery_replay_of_fkey
  foreign key (organisation_id, replay_of) references webhook_delivery (organisation_id, id) on delete set null (replay_of);
alter table webhook_delivery_attempt add constraint webhook_delivery_attempt_delivery_fkey
  foreign key (organisation_id, delivery_id) references webhook_delivery (organisation_id, id) on delete cascade;
alter table notification_outbox add constraint notification_outbox_notification_fkey
  foreign key (recipient_subject, notification_id) references notification (recipient_subject, id);

-- 5. References to another organisation's rows: composite, on the target's organisation.
alter table review add constraint review_practice_fkey
  foreign key (practice_organisation_id, practice_id) references practice (organisation_id, id);
alter table review add constraint review_revision_fkey
  foreign key (practice_organisation_id, revision_id) references practice_revision (organisation_id, id);
alter table review_response add constraint review_response_review_fkey
  foreign key (review_organisation_id, review_id) references review (organisation_id, id);
alter table comment add constraint comment_practice_fkey
  foreign key (practice_organisation_id, practice_id) references practice (organisation_id, id);
alter table comment add constraint comment_review_fkey
  foreign key (review_organisation_id, review_id) references review (organisation_id, id);
alter table comment add constraint comment_parent_fkey
  foreign key (parent_organisation_id, parent_id) references comment (organisation_id, id);
`);
  }
}
