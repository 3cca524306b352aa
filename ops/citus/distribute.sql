-- Generated from server/src/db/distribution.ts by `pnpm citus:sql`; distribution.test.ts keeps the two equal.
-- Run once on the Citus coordinator, as the schema owner, after `pnpm db:migrate` and before the API starts.
-- ops/citus/README.md says what it changes and what a cluster costs.

\set ON_ERROR_STOP on
-- The schema keeps data-change, rating and webhook triggers on these tables.
set citus.enable_unsafe_triggers to on;

-- Foreign keys between rows of different organisations: a cluster keeps keys within a shard only.
-- Kept true without them: practices, revisions, reviews and comments are never deleted, and every mutation writing such a reference reads its target first in the same transaction.
alter table review drop constraint if exists review_practice_fkey; -- a review of another organisation's practice
alter table review drop constraint if exists review_revision_fkey; -- the revision the review is of
alter table review_response drop constraint if exists review_response_review_fkey; -- the practice's answer to a review
alter table comment drop constraint if exists comment_practice_fkey; -- a comment on any practice
alter table comment drop constraint if exists comment_review_fkey; -- a comment on any review
alter table comment drop constraint if exists comment_parent_fkey; -- a reply to any comment

-- Shared catalogues: a copy on every node.
select create_reference_table('organisation');
select create_reference_table('thematic_group');
select create_reference_table('group_moderator');
select create_reference_table('feedback_method');
select create_reference_table('openness_standard');
select create_reference_table('rating_snapshot');
select create_reference_table('platform_audit_event');
select create_reference_table('app_setting');

-- Sharded by organisation_id, co-located with member.
select create_distributed_table('member', 'organisation_id');
select create_distributed_table('invitation', 'organisation_id', colocate_with => 'member');
select create_distributed_table('group_membership', 'organisation_id', colocate_with => 'member');
select create_distributed_table('service_account', 'organisation_id', colocate_with => 'member');
select create_distributed_table('organisation_audit_event', 'organisation_id', colocate_with => 'member');
select create_distributed_table('idempotency_key', 'organisation_id', colocate_with => 'member');
select create_distributed_table('practice', 'organisation_id', colocate_with => 'member');
select create_distributed_table('practice_method', 'organisation_id', colocate_with => 'member');
select create_distributed_table('practice_revision', 'organisation_id', colocate_with => 'member');
select create_distributed_table('review', 'organisation_id', colocate_with => 'member');
select create_distributed_table('review_edition', 'organisation_id', colocate_with => 'member');
select create_distributed_table('review_response', 'organisation_id', colocate_with => 'member');
select create_distributed_table('comment', 'organisation_id', colocate_with => 'member');
select create_distributed_table('comment_edit', 'organisation_id', colocate_with => 'member');
select create_distributed_table('comment_report', 'organisation_id', colocate_with => 'member');
select create_distributed_table('disclosure', 'organisation_id', colocate_with => 'member');
select create_distributed_table('compliance_snapshot', 'organisation_id', colocate_with => 'member');
select create_distributed_table('rating_input', 'organisation_id', colocate_with => 'member');
select create_distributed_table('rating_quality', 'organisation_id', colocate_with => 'member');
select create_distributed_table('rating_outbox', 'organisation_id', colocate_with => 'member');
select create_distributed_table('rating_snapshot_entry', 'organisation_id', colocate_with => 'member');
select create_distributed_table('webhook_subscription', 'organisation_id', colocate_with => 'member');
select create_distributed_table('webhook_delivery', 'organisation_id', colocate_with => 'member');
select create_distributed_table('webhook_delivery_attempt', 'organisation_id', colocate_with => 'member');

-- Sharded by recipient_subject, co-located with notification.
select create_distributed_table('notification', 'recipient_subject');
select create_distributed_table('notification_outbox', 'recipient_subject', colocate_with => 'notification');

-- mikro_orm_migrations, seed_run: the schema owner's bookkeeping, left on the coordinator.
