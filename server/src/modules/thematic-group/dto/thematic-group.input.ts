import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../common/graphql/pagination.js';
import { UserError } from '../../../common/graphql/user-error.js';
import { GroupMembership } from '../group-membership.entity.js';
import { JoinPolicy, ThematicGroup } from '../thematic-group.entity.js';

@InputType({ description: 'A new thematic group (platform admins only).' })
export class CreateThematicGroupInput {
  @Field({ description: 'Unique short name: 3–60 lower-case Latin letters, digits and hyphens.' })
  slug!: string;

  @Field({ description: 'Title in Russian.' })
  titleRu!: string;

  @Field({ description: 'Title in English.' })
  titleEn!: string;

  @Field({ description: 'Description in Russian.' })
  descriptionRu!: string;

  @Field({ description: 'Description in English.' })
  descriptionEn!: string;

  @Field(() => JoinPolicy, { description: 'Whether requests are approved at once or by a moderator.' })
  joinPolicy!: JoinPolicy;
}

@InputType({ description: 'Reject a pending request to join a group.' })
export class RejectGroupMembershipInput {
  @Field(() => ID, { description: 'The pending membership.' })
  membershipId!: string;

  @Field({ description: 'Why, shown to the organisation (3–1000 characters).' })
  reason!: string;
}

@ObjectType({ description: 'Result of a mutation on a thematic group.' })
export class ThematicGroupPayload {
  @Field(() => ThematicGroup, { nullable: true, description: 'The group; null when refused.' })
  group?: ThematicGroup | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of a mutation on a group membership.' })
export class GroupMembershipPayload {
  @Field(() => GroupMembership, { nullable: true, description: 'The membership as it is now; null when refused.' })
  membership?: GroupMembership | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

export const { ConnectionType: ThematicGroupConnection } = connectionTypes(
  ThematicGroup,
  'ThematicGroup',
  'thematic group',
);
export const { ConnectionType: GroupMembershipConnection } = connectionTypes(
  GroupMembership,
  'GroupMembership',
  'group membership',
);

@InputType({ description: 'A group and the e-mail of a person who moderates it (platform admins only).' })
export class GroupModeratorInput {
  @Field(() => ID, { description: 'The group.' })
  groupId!: string;

  @Field({ description: 'E-mail the person signs in with (verified by the identity provider).' })
  email!: string;
}
