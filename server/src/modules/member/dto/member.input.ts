import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../common/graphql/pagination.js';
import { UserError } from '../../../common/graphql/user-error.js';
import { Invitation } from '../invitation.entity.js';
import { Member } from '../member.entity.js';
import { MemberRole } from '../member-role.js';

@InputType({ description: 'Invite a person by e-mail to the organisation the caller acts for.' })
export class InviteMemberInput {
  @Field({ description: 'E-mail of the person; they join when they sign in with this verified e-mail.' })
  email!: string;

  @Field(() => MemberRole, { description: 'Role they get.' })
  role!: MemberRole;
}

@InputType({ description: "Change a member's role." })
export class ChangeMemberRoleInput {
  @Field(() => ID, { description: 'The member.' })
  memberId!: string;

  @Field(() => MemberRole, { description: 'The new role.' })
  role!: MemberRole;
}

@ObjectType({ description: 'Result of a mutation on an invitation.' })
export class InvitationPayload {
  @Field(() => Invitation, { nullable: true, description: 'The invitation as it is now; null when refused.' })
  invitation?: Invitation | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of a mutation on a member.' })
export class MemberPayload {
  @Field(() => Member, {
    nullable: true,
    description: 'The member as it is now (as it was, after removal); null when refused.',
  })
  member?: Member | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

export const { ConnectionType: MemberConnection } = connectionTypes(Member, 'Member', 'member');
