import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/graphql/pagination.js';
import { withUserErrors } from '../../common/graphql/user-error.js';
import { activeOrganisationId } from '../../common/tenancy/actor.js';
import type { Context } from '../../context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import {
  CreateThematicGroupInput,
  GroupMembershipConnection,
  GroupMembershipPayload,
  GroupModeratorInput,
  RejectGroupMembershipInput,
  ThematicGroupConnection,
  ThematicGroupPayload,
} from './dto/thematic-group.input.js';
import { GroupMembership, GroupMembershipStatus } from './group-membership.entity.js';
import { ThematicGroup } from './thematic-group.entity.js';
import { addGroupModerator, removeGroupModerator } from './group-moderator.service.js';
import { canCreateThematicGroup, canModerateGroup } from './thematic-group.policy.js';
import {
  approveGroupMembership,
  createThematicGroup,
  findThematicGroupBySlug,
  groupModerators,
  leaveGroup,
  listGroupMemberships,
  listOrganisationGroupMemberships,
  listThematicGroups,
  rejectGroupMembership,
  requestGroupMembership,
} from './thematic-group.service.js';

@ArgsType()
class GroupMembershipsArgs extends PageArgs {
  @Field(() => GroupMembershipStatus, { nullable: true, description: 'Only memberships in this state.' })
  status?: GroupMembershipStatus;
}

@Resolver(() => ThematicGroup)
export class ThematicGroupResolver {
  @Query(() => ThematicGroup, { nullable: true, description: 'A thematic group by its slug; public.' })
  thematicGroup(
    @Arg('slug', () => String, { description: 'Short name of the group, e.g. `starshee-pokolenie`.' }) slug: string,
    @Ctx() ctx: Context,
  ): Promise<ThematicGroup | null> {
    return findThematicGroupBySlug(ctx, slug);
  }

  @Query(() => ThematicGroupConnection, { description: 'All thematic groups, by Russian title; public.' })
  thematicGroups(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return listThematicGroups(ctx, args);
  }

  @FieldResolver(() => String, { description: "Title in the request's language." })
  title(@Root() group: ThematicGroup, @Ctx() ctx: Context): string {
    return ctx.locale === 'en' ? group.titleEn : group.titleRu;
  }

  @FieldResolver(() => String, { description: "Description in the request's language." })
  description(@Root() group: ThematicGroup, @Ctx() ctx: Context): string {
    return ctx.locale === 'en' ? group.descriptionEn : group.descriptionRu;
  }

  @FieldResolver(() => Int, { description: 'How many organisations are active members.' })
  async activeMemberCount(@Root() group: ThematicGroup, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.activeMemberCount.load(group.id)) ?? 0;
  }

  @FieldResolver(() => GroupMembershipConnection, {
    description:
      'Memberships of the group. ACTIVE ones are public; PENDING, REJECTED and LEFT ones only for moderators and the organisation concerned.',
  })
  memberships(
    @Root() group: ThematicGroup,
    @Args(() => GroupMembershipsArgs) args: GroupMembershipsArgs,
    @Ctx() ctx: Context,
  ) {
    return listGroupMemberships(ctx, group, args.status, args);
  }

  @FieldResolver(() => GroupMembership, {
    nullable: true,
    description: 'The current membership (or request) of the organisation the viewer acts for; null when none.',
  })
  async viewerMembership(@Root() group: ThematicGroup, @Ctx() ctx: Context): Promise<GroupMembership | null> {
    if (!activeOrganisationId(ctx.actor)) return null;
    return (await ctx.loaders.viewerGroupMembership.load(group.id)) ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the viewer may approve and reject requests to join this group.',
  })
  async viewerCanModerate(@Root() group: ThematicGroup, @Ctx() ctx: Context): Promise<boolean> {
    return canModerateGroup(ctx.actor, await groupModerators(ctx, group.id));
  }

  @FieldResolver(() => [String], {
    description:
      "E-mails of the group's own moderators (besides the platform's); visible to platform admins only, empty for others.",
  })
  async moderatorEmails(@Root() group: ThematicGroup, @Ctx() ctx: Context): Promise<string[]> {
    return canCreateThematicGroup(ctx.actor) ? groupModerators(ctx, group.id) : [];
  }

  @Mutation(() => ThematicGroupPayload, {
    description: 'Names a person, by e-mail, a moderator of the group (platform admins only).',
  })
  addGroupModerator(
    @Arg('input', () => GroupModeratorInput, { description: "The group and the moderator's e-mail." })
    input: GroupModeratorInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ group: await addGroupModerator(ctx, input) }));
  }

  @Mutation(() => ThematicGroupPayload, { description: 'Removes a moderator of the group (platform admins only).' })
  removeGroupModerator(
    @Arg('input', () => GroupModeratorInput, { description: "The group and the moderator's e-mail." })
    input: GroupModeratorInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ group: await removeGroupModerator(ctx, input) }));
  }

  @Mutation(() => ThematicGroupPayload, { description: 'Creates a thematic group (platform admins only).' })
  createThematicGroup(
    @Arg('input', () => CreateThematicGroupInput, { description: 'The new group.' }) input: CreateThematicGroupInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ group: await createThematicGroup(ctx, input) }));
  }

  @Mutation(() => GroupMembershipPayload, {
    description:
      'The organisation the caller acts for asks to join a group (ADMIN only): ACTIVE at once in an OPEN group, PENDING in a MODERATED one.',
  })
  requestGroupMembership(
    @Arg('groupId', () => ID, { description: 'The group to join.' }) groupId: string,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ membership: await requestGroupMembership(ctx, groupId) }));
  }

  @Mutation(() => GroupMembershipPayload, { description: 'Approves a PENDING request (moderators of the group).' })
  approveGroupMembership(
    @Arg('membershipId', () => ID, { description: 'The PENDING membership.' }) membershipId: string,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ membership: await approveGroupMembership(ctx, membershipId) }));
  }

  @Mutation(() => GroupMembershipPayload, {
    description: 'Rejects a PENDING request with a reason (moderators of the group).',
  })
  rejectGroupMembership(
    @Arg('input', () => RejectGroupMembershipInput, { description: 'The PENDING membership and the reason.' })
    input: RejectGroupMembershipInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ membership: await rejectGroupMembership(ctx, input) }));
  }

  @Mutation(() => GroupMembershipPayload, {
    description: 'The organisation the caller acts for leaves a group it is an ACTIVE member of (ADMIN only).',
  })
  leaveGroup(@Arg('groupId', () => ID, { description: 'The group to leave.' }) groupId: string, @Ctx() ctx: Context) {
    return withUserErrors(ctx.locale, async () => ({ membership: await leaveGroup(ctx, groupId) }));
  }
}

@Resolver(() => GroupMembership)
export class GroupMembershipResolver {
  @FieldResolver(() => ThematicGroup, { description: 'The group.' })
  group(@Root() membership: GroupMembership, @Ctx() ctx: Context): Promise<ThematicGroup> {
    return ctx.loaders.thematicGroup.loadOrFail(membership.groupId, 'thematic group');
  }

  @FieldResolver(() => Organisation, { description: 'The organisation.' })
  organisation(@Root() membership: GroupMembership, @Ctx() ctx: Context): Promise<Organisation> {
    return ctx.loaders.organisation.loadOrFail(membership.organisationId, 'organisation');
  }
}

@Resolver(() => Organisation)
export class OrganisationGroupsResolver {
  @FieldResolver(() => GroupMembershipConnection, {
    description: "The organisation's group memberships: ACTIVE ones for everyone, all of them for its own members.",
  })
  groupMemberships(@Root() organisation: Organisation, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return listOrganisationGroupMemberships(ctx, organisation.id, args);
  }
}
