import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';

export enum CommentStatus {
  VISIBLE = 'VISIBLE',
  HIDDEN = 'HIDDEN',
}

registerEnumType(CommentStatus, {
  name: 'CommentStatus',
  description: 'Whether a comment is shown; hidden ones show a placeholder to everyone but the author and moderators.',
  valuesConfig: {
    VISIBLE: { description: 'Shown.' },
    HIDDEN: { description: 'Hidden by a moderator, or by reports pending moderation.' },
  },
});

export enum ReportReason {
  SPAM = 'SPAM',
  OFFENSIVE = 'OFFENSIVE',
  OFF_TOPIC = 'OFF_TOPIC',
}

registerEnumType(ReportReason, {
  name: 'ReportReason',
  description: 'Why a comment is reported.',
  valuesConfig: {
    SPAM: { description: 'Spam or advertising.' },
    OFFENSIVE: { description: 'Offensive or abusive.' },
    OFF_TOPIC: { description: 'Off topic.' },
  },
});

/** A comment (комментарий) in a thread on a practice or on one of its reviews; never hard-deleted. */
@Entity({ tableName: 'comment' })
@ObjectType({
  implements: Node,
  description: 'A comment in a thread on a practice or a review; never deleted, hidden at most.',
})
export class Comment {
  [OptionalProps]?: 'globalId' | 'depth' | 'status' | 'version' | 'createdAt';

  static readonly typename = 'Comment';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(Comment.typename, this.id);
  }

  /** The author's organisation. */
  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  practiceId!: string;

  /** The organisations of the practice, review and parent comment (their rows' keys; see distribution.ts). */
  @Property({ type: 'uuid' })
  practiceOrganisationId!: string;

  @Property({ type: 'uuid', nullable: true })
  reviewId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  reviewOrganisationId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  parentId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  parentOrganisationId?: string | null;

  @Field(() => Int, { description: 'Reply depth: 0 for a top-level comment, at most 3.' })
  @Property({ type: 'smallint' })
  depth: number = 0;

  @Property({ type: 'text' })
  authorSubject!: string;

  @Field({ description: 'Name of the author.' })
  @Property({ type: 'text' })
  authorName!: string;

  @Property({ type: 'text' })
  body!: string;

  @Field(() => CommentStatus, { description: 'Shown or hidden.' })
  @Enum({ items: () => CommentStatus })
  status: CommentStatus = CommentStatus.VISIBLE;

  @Property({ type: 'text', nullable: true })
  hiddenReason?: string | null;

  @Property({ type: 'text', nullable: true })
  hiddenBy?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  hiddenAt?: Date | null;

  /** When a moderator last hid or restored it; reports before it no longer count. */
  @Property({ type: 'timestamptz', nullable: true })
  moderatedAt?: Date | null;

  @Field(() => Int, { description: 'Increases with every edit; pass it back when editing.' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field({ description: 'When it was posted.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was last edited.' })
  @Property({ type: 'timestamptz', nullable: true })
  editedAt?: Date | null;
}

/** An earlier text of an edited comment. */
@Entity({ tableName: 'comment_edit' })
export class CommentEdit {
  [OptionalProps]?: 'replacedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  commentId!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  replacedAt: Date = new Date();
}

@Entity({ tableName: 'comment_report' })
export class CommentReport {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** The organisation whose comment is reported (the complaint lives beside the comment). */
  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  commentId!: string;

  @Property({ type: 'text' })
  reporterSubject!: string;

  @Property({ type: 'uuid', nullable: true })
  reporterOrganisationId?: string | null;

  @Enum({ items: () => ReportReason })
  reason!: ReportReason;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
