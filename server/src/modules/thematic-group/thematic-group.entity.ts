import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';

export enum JoinPolicy {
  OPEN = 'OPEN',
  MODERATED = 'MODERATED',
}

registerEnumType(JoinPolicy, {
  name: 'JoinPolicy',
  description: 'How organisations join a thematic group.',
  valuesConfig: {
    OPEN: { description: 'Requests are approved at once.' },
    MODERATED: { description: 'A moderator approves or rejects each request.' },
  },
});

@Entity({ tableName: 'thematic_group' })
@ObjectType({
  implements: Node,
  description: 'A thematic group of organisations working with the same beneficiaries, e.g. «Старшее поколение».',
})
export class ThematicGroup {
  [OptionalProps]?: 'globalId' | 'createdAt';

  static readonly typename = 'ThematicGroup';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(ThematicGroup.typename, this.id);
  }

  @Field({ description: 'Unique short name used in addresses.' })
  @Property({ type: 'text', unique: true })
  slug!: string;

  @Field({ description: 'Title in Russian.' })
  @Property({ type: 'text' })
  titleRu!: string;

  @Field({ description: 'Title in English.' })
  @Property({ type: 'text' })
  titleEn!: string;

  @Field({ description: 'Description in Russian.' })
  @Property({ type: 'text' })
  descriptionRu!: string;

  @Field({ description: 'Description in English.' })
  @Property({ type: 'text' })
  descriptionEn!: string;

  @Field(() => JoinPolicy, { description: 'How organisations join.' })
  @Enum({ items: () => JoinPolicy })
  joinPolicy!: JoinPolicy;

  @Field({ description: 'When the group was created.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A person, by verified e-mail, who moderates one group in addition to the platform's moderators. */
@Entity({ tableName: 'group_moderator' })
export class GroupModerator {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  groupId!: string;

  @PrimaryKey({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  addedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
