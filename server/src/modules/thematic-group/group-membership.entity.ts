import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';

export enum GroupMembershipStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  REJECTED = 'REJECTED',
  LEFT = 'LEFT',
}

registerEnumType(GroupMembershipStatus, {
  name: 'GroupMembershipStatus',
  description:
    "Where an organisation's membership of a thematic group stands: PENDING → ACTIVE | REJECTED, ACTIVE → LEFT.",
  valuesConfig: {
    PENDING: { description: 'Requested, waiting for a moderator.' },
    ACTIVE: { description: 'A member: may publish practices and review in the group.' },
    REJECTED: { description: 'Refused by a moderator, with a reason.' },
    LEFT: { description: 'Was a member and left.' },
  },
});

@Entity({ tableName: 'group_membership' })
@ObjectType({ implements: Node, description: "An organisation's membership (or request for it) of a thematic group." })
export class GroupMembership {
  [OptionalProps]?: 'globalId' | 'requestedAt';

  static readonly typename = 'GroupMembership';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(GroupMembership.typename, this.id);
  }

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  groupId!: string;

  @Field(() => GroupMembershipStatus, { description: 'Where the membership stands.' })
  @Enum({ items: () => GroupMembershipStatus })
  status!: GroupMembershipStatus;

  @Field({ description: 'When the organisation asked to join.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  requestedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the request was approved or rejected.' })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the request was rejected.' })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the organisation left the group.' })
  @Property({ type: 'timestamptz', nullable: true })
  leftAt?: Date | null;
}
