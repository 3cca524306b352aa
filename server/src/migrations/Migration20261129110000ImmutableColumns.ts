import { Migration } from '@mikro-orm/migrations';

/**
 * What a row is about never changes after it is written: a review's organisation, practice,
 * revision and reviewer (and a submitted review never returns to DRAFT); a comment's author,
 * organisation, practice, review and parent. Enforced below the application, for every role
 * but the schema owner.
 */
export class Migration20261129110000ImmutableColumns extends Migration {
  override name = 'Migration20261129110000ImmutableColumns';

  override up(): void {
    this.addSql(`
create or replace function review_keep_identity() returns trigger language plpgsql as $$
begin
  if (new.organisation_id, new.practice_id, new.practice_organisation_id, new.group_id, new.revision_id,
      new.revision_number, new.reviewer_subject)
     is distinct from
     (old.organisation_id, old.practice_id, old.practice_organisation_id, old.group_id, old.revision_id,
      old.revision_number, old.reviewer_subject) then
    raise exception 'a review''s organisation, practice, revision and reviewer cannot change' using errcode = 'check_violation';
  end if;
  if old.status = 'SUBMITTED' and new.status <> 'SUBMITTED' then
    raise exception 'a submitted review cannot return to draft' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger review_keep_identity before update on review for each row execute function review_keep_identity();

create or replace function comment_keep_identity() returns trigger language plpgsql as $$
begin
  if (new.organisation_id, new.practice_id, new.review_id, new.parent_id, new.depth, new.author_subject, new.created_at)
     is distinct from
     (old.organisation_id, old.practice_id, old.review_id, old.parent_id, old.depth, old.author_subject, old.created_at) then
    raise exception 'a comment''s author, place in the thread and time cannot change' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger comment_keep_identity before update on comment for each row execute function comment_keep_identity();
`);
  }
}
