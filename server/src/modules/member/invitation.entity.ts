import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';
import { MemberRole } from './member-role.js';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
}

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the person to sign in with this e-mail.' },
    ACCEPTED: { description: 'The person signed in and became a member.' },
    REVOKED: { description: 'Withdrawn by an administrator.' },
  },
});

@Entity({ tableName: 'invitation' })
@ObjectType({
  implements: Node,
  description:
    'An invitation to join an organisation, accepted when the person signs in with a verified matching e-mail.',
})
export class Invitation {
  [OptionalProps]?: 'globalId' | 'status' | 'createdAt';

  static readonly typename = 'Invitation';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(Invitation.typename, this.id);
  }

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Field({ description: 'E-mail the invitation was sent to.' })
  @Property({ type: 'text' })
  email!: string;

  @Field(() => MemberRole, { description: 'Role the person gets on accepting.' })
  @Enum({ items: () => MemberRole })
  role!: MemberRole;

  @Field(() => InvitationStatus, { description: 'Where the invitation stands.' })
  @Enum({ items: () => InvitationStatus })
  status: InvitationStatus = InvitationStatus.PENDING;

  @Property({ type: 'text' })
  invitedBy!: string;

  @Field({ description: 'When it was sent.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;
}
