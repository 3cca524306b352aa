import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';
import type { PracticeContentData } from './practice-content.js';

/** An immutable snapshot of a published practice; reviews point at the revision they reviewed. */
@Entity({ tableName: 'practice_revision' })
@ObjectType({
  implements: Node,
  description: 'A published revision (редакция) of a practice; never changes once made.',
})
export class PracticeRevision {
  [OptionalProps]?: 'globalId' | 'createdAt';

  static readonly typename = 'PracticeRevision';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(PracticeRevision.typename, this.id);
  }

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  practiceId!: string;

  @Field(() => Int, { description: 'Revision number, from 1.' })
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'json' })
  content!: PracticeContentData;

  @Property({ type: 'text[]' })
  methodKeys!: string[];

  @Property({ type: 'text' })
  createdBy!: string;

  @Field({ description: 'When this revision was published.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
