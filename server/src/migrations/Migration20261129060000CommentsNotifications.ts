import { Migration } from '@mikro-orm/migrations';

/**
 * Threaded comments on practices and reviews (edit history, reports, moderation; never deleted)
 * and in-app notifications with an outbox for e-mail digests.
 */
export class Migration20261129060000CommentsNotifications extends Migration {
  override name = 'Migration20261129060000CommentsNotifications';

  override up(): void {
    this.addSql(`
alter table audit_event add column actor_name text not null default '';

create table comment (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  practice_id uuid not null references practice (id),
  review_id uuid references review (id),
  parent_id uuid references comment (id),
  depth smallint not null default 0 check (depth between 0 and 3),
  author_subject text not null,
  author_name text not null,
  body text not null,
  status text not null default 'VISIBLE' check (status in ('VISIBLE', 'HIDDEN')),
  hidden_reason text,
  hidden_by text,
  hidden_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  edited_at timestamptz
);
create index comment_practice_idx on comment (practice_id, created_at);
create index comment_hidden_idx on comment (status) where status = 'HIDDEN';

create table comment_edit (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  comment_id uuid not null references comment (id),
  body text not null,
  replaced_at timestamptz not null default now()
);

create table comment_report (
  id uuid primary key default gen_random_uuid(),
  comment_id uuid not null references comment (id),
  reporter_subject text not null,
  reporter_organisation_id uuid references organisation (id),
  reason text not null check (reason in ('SPAM', 'OFFENSIVE', 'OFF_TOPIC')),
  created_at timestamptz not null default now(),
  constraint comment_report_once unique (comment_id, reporter_subject)
);

create table notification (
  id uuid primary key default gen_random_uuid(),
  recipient_subject text not null,
  kind text not null check (kind in ('REVIEW_ON_MY_PRACTICE', 'RESPONSE_TO_MY_REVIEW', 'REPLY_TO_MY_COMMENT',
                                     'MEMBERSHIP_DECIDED', 'COMMENT_HIDDEN')),
  payload jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notification_recipient_idx on notification (recipient_subject, created_at desc);

create table notification_outbox (
  id uuid primary key default gen_random_uuid(),
  notification_id uuid not null references notification (id),
  recipient_subject text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts integer not null default 0
);
create index notification_outbox_pending_idx on notification_outbox (created_at) where sent_at is null;

alter table comment enable row level security;
alter table comment force row level security;
create policy comment_read on comment for select using (true);
create policy comment_write on comment for insert
  with check (organisation_id = app_current_org() and author_subject = app_current_subject());
create policy comment_update on comment for update
  using (author_subject = app_current_subject() or app_has_platform_role('PLATFORM_ADMIN') or app_has_platform_role('MODERATOR'))
  with check (author_subject = app_current_subject() or app_has_platform_role('PLATFORM_ADMIN') or app_has_platform_role('MODERATOR'));

-- Reporters cannot update comments; enough reports from different organisations hide one pending moderation.
create or replace function comment_hide_if_reported(cid uuid, threshold integer) returns boolean
language sql volatile security definer set search_path = public as $$
  update comment set status = 'HIDDEN', hidden_reason = 'REPORTS', hidden_at = now()
   where id = cid and status = 'VISIBLE'
     and (select count(distinct coalesce(reporter_organisation_id::text, reporter_subject)) from comment_report where comment_id = cid) >= threshold
  returning true
$$;

alter table comment_edit enable row level security;
alter table comment_edit force row level security;
create policy comment_edit_read on comment_edit for select using (true);
create policy comment_edit_write on comment_edit for insert
  with check (exists (select 1 from comment c where c.id = comment_edit.comment_id and c.author_subject = app_current_subject()));

alter table comment_report enable row level security;
alter table comment_report force row level security;
create policy comment_report_read on comment_report for select
  using (reporter_subject = app_current_subject() or app_has_platform_role('PLATFORM_ADMIN') or app_has_platform_role('MODERATOR'));
create policy comment_report_write on comment_report for insert with check (reporter_subject = app_current_subject());

alter table notification enable row level security;
alter table notification force row level security;
create policy notification_read on notification for select using (recipient_subject = app_current_subject());
create policy notification_send on notification for insert with check (app_current_subject() is not null);
create policy notification_mark on notification for update
  using (recipient_subject = app_current_subject()) with check (recipient_subject = app_current_subject());

alter table notification_outbox enable row level security;
alter table notification_outbox force row level security;
create policy notification_outbox_send on notification_outbox for insert with check (app_current_subject() is not null);

do $$
declare t text;
begin
  foreach t in array array['comment', 'comment_edit', 'comment_report', 'notification', 'notification_outbox'] loop
    execute format('create policy %I on %I for all to %I using (true) with check (true)', t || '_owner', t, current_user);
  end loop;
end $$;
`);
  }
}
