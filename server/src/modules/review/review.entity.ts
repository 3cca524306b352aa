import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';

export enum ReviewStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}

registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'DRAFT (visible to the reviewing organisation) → SUBMITTED (public).',
  valuesConfig: {
    DRAFT: { description: 'Being written; only the reviewing organisation sees it.' },
    SUBMITTED: { description: 'Submitted and public.' },
  },
});

/** A peer review (рецензия) of one practice revision by another organisation of the same group. */
@Entity({ tableName: 'review' })
@ObjectType({
  implements: Node,
  description: 'A peer review (экспертный отзыв коллег) of one revision of a practice, with the rubric.',
})
export class Review {
  [OptionalProps]?: 'globalId' | 'status' | 'body' | 'version' | 'edition' | 'createdAt' | 'updatedAt';

  static readonly typename = 'Review';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(Review.typename, this.id);
  }

  /** The reviewing organisation. */
  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  practiceId!: string;

  @Property({ type: 'uuid' })
  practiceOrganisationId!: string;

  @Property({ type: 'uuid' })
  groupId!: string;

  @Property({ type: 'uuid' })
  revisionId!: string;

  @Field(() => Int, { description: 'Number of the practice revision this review saw.' })
  @Property({ type: 'integer' })
  revisionNumber!: number;

  @Property({ type: 'text' })
  reviewerSubject!: string;

  @Field({ description: 'Name of the reviewer.' })
  @Property({ type: 'text' })
  reviewerName!: string;

  @Field(() => ReviewStatus, { description: 'DRAFT or SUBMITTED.' })
  @Enum({ items: () => ReviewStatus })
  status: ReviewStatus = ReviewStatus.DRAFT;

  @Property({ type: 'smallint', nullable: true })
  relevance?: number | null;

  @Property({ type: 'smallint', nullable: true })
  depth?: number | null;

  @Property({ type: 'smallint', nullable: true })
  loopClosure?: number | null;

  @Property({ type: 'smallint', nullable: true })
  evidence?: number | null;

  @Property({ type: 'smallint', nullable: true })
  replicability?: number | null;

  @Field(() => Int, { nullable: true, description: 'Reviewer confidence, 1–5 (уверенность рецензента).' })
  @Property({ type: 'smallint', nullable: true })
  confidence?: number | null;

  @Field(() => String, { description: 'The review text (Markdown).' })
  @Property({ type: 'text' })
  body: string = '';

  @Field(() => Int, { description: 'Increases with every change; pass it back when editing.' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Int, {
    description: 'Number of the submitted edition (0 while a draft); a revised review keeps the earlier editions.',
  })
  @Property({ type: 'integer' })
  edition: number = 0;

  @Field({ description: 'When it was started.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field({ description: 'When it last changed.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was first submitted.' })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;
}

/** A submitted edition of a review; revising a review keeps the earlier ones. */
@Entity({ tableName: 'review_edition' })
export class ReviewEdition {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  reviewId!: string;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'smallint' })
  relevance!: number;

  @Property({ type: 'smallint' })
  depth!: number;

  @Property({ type: 'smallint' })
  loopClosure!: number;

  @Property({ type: 'smallint' })
  evidence!: number;

  @Property({ type: 'smallint' })
  replicability!: number;

  @Property({ type: 'smallint' })
  confidence!: number;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** The practice owner's one answer to a review (ответ автора). */
@Entity({ tableName: 'review_response' })
@ObjectType({
  implements: Node,
  description: "The practice owner's response to a review (ответ автора); one per review.",
})
export class ReviewResponse {
  [OptionalProps]?: 'globalId' | 'createdAt';

  static readonly typename = 'ReviewResponse';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(ReviewResponse.typename, this.id);
  }

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  reviewId!: string;

  /** The reviewer's organisation (the review's key; see distribution.ts). */
  @Property({ type: 'uuid' })
  reviewOrganisationId!: string;

  @Property({ type: 'text' })
  authorSubject!: string;

  @Field({ description: 'Name of the person who answered.' })
  @Property({ type: 'text' })
  authorName!: string;

  @Field({ description: 'The response (Markdown).' })
  @Property({ type: 'text' })
  body!: string;

  @Field({ description: 'When it was posted.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
