import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';
import type { PracticeContentData } from './practice-content.js';
import { PracticeStatus } from './practice.enums.js';

/**
 * An engagement practice an organisation publishes in one thematic group. Title and summary
 * are columns (lists and search), the rest of the content is JSON; the database derives the
 * filter columns (participation level, loop closed, tags) and the search document from it.
 */
@Entity({ tableName: 'practice' })
@ObjectType({
  implements: Node,
  description: 'An engagement practice (практика вовлечения) published by an organisation in a thematic group.',
})
export class Practice {
  [OptionalProps]?:
    | 'globalId'
    | 'status'
    | 'version'
    | 'revisionNumber'
    | 'summary'
    | 'content'
    | 'createdAt'
    | 'updatedAt'
    | 'reviewCount'
    | 'reviewTotal';

  static readonly typename = 'Practice';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(Practice.typename, this.id);
  }

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  groupId!: string;

  @Field(() => PracticeStatus, { description: 'Where it is in its lifecycle.' })
  @Enum({ items: () => PracticeStatus })
  status: PracticeStatus = PracticeStatus.DRAFT;

  @Field(() => Int, {
    description: 'Increases with every change; pass it back when editing so a stale edit is refused (CONFLICT).',
  })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Int, { description: 'Number of the current published revision; 0 while it was never published.' })
  @Property({ type: 'integer' })
  revisionNumber: number = 0;

  @Field({ description: 'Title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'Summary in a few sentences.' })
  @Property({ type: 'text' })
  summary: string = '';

  @Property({ type: 'json' })
  content: PracticeContentData = {};

  @Property({ type: 'text' })
  createdBy!: string;

  @Field({ description: 'When it was created.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field({ description: 'When it last changed.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was first published.' })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was archived, while it is.' })
  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  /** Submitted reviews, kept by a trigger on review in the writing transaction; never set here. */
  @Property({ type: 'integer', defaultRaw: '0' })
  reviewCount: number = 0;

  /** Sum of the submitted reviews' mean scores (trigger-kept): with reviewCount, the exact overall mean. */
  @Property({ type: 'decimal', defaultRaw: '0' })
  reviewTotal: string = '0';
}

/** Which catalogue methods a practice uses, in order; a table so lists filter and batch by method. */
@Entity({ tableName: 'practice_method' })
export class PracticeMethod {
  @PrimaryKey({ type: 'uuid' })
  practiceId!: string;

  @PrimaryKey({ type: 'uuid' })
  methodId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'integer' })
  position!: number;
}
