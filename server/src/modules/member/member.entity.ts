import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';
import { MemberRole } from './member-role.js';

@Entity({ tableName: 'member' })
@ObjectType({ implements: Node, description: "A person's membership of an organisation, with a role." })
export class Member {
  [OptionalProps]?: 'globalId' | 'createdAt' | 'updatedAt';

  static readonly typename = 'Member';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(Member.typename, this.id);
  }

  @Property({ type: 'uuid' })
  organisationId!: string;

  /** Token subject of the person (Keycloak user id). */
  @Property({ type: 'text' })
  subject!: string;

  @Field({ description: 'Name shown to colleagues.' })
  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Field(() => MemberRole, { description: 'Role in the organisation.' })
  @Enum({ items: () => MemberRole })
  role!: MemberRole;

  @Field({ name: 'joinedAt', description: 'When the person joined the organisation.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
