import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/graphql/pagination.js';
import { withUserErrors } from '../../common/graphql/user-error.js';
import { isAuthenticated } from '../../common/tenancy/actor.js';
import type { Context } from '../../context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { canSeeOrganisationPrivate } from '../organisation/organisation.policy.js';
import {
  ChangeMemberRoleInput,
  InvitationPayload,
  InviteMemberInput,
  MemberConnection,
  MemberPayload,
} from './dto/member.input.js';
import { Invitation } from './invitation.entity.js';
import { Member } from './member.entity.js';
import {
  changeMemberRole,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
} from './member.service.js';

@Resolver(() => Member)
export class MemberResolver {
  @FieldResolver(() => Organisation, { description: 'The organisation.' })
  organisation(@Root() member: Member, @Ctx() ctx: Context): Promise<Organisation> {
    return ctx.loaders.organisation.loadOrFail(member.organisationId, 'organisation');
  }

  @FieldResolver(() => String, { nullable: true, description: "E-mail; visible to the organisation's members only." })
  email(@Root() member: Member, @Ctx() ctx: Context): string | null {
    return canSeeOrganisationPrivate(ctx.actor, member.organisationId) ? (member.email ?? null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether this member is the person asking.' })
  isViewer(@Root() member: Member, @Ctx() ctx: Context): boolean {
    return isAuthenticated(ctx.actor) && ctx.actor.subject === member.subject;
  }

  @Mutation(() => InvitationPayload, {
    description: 'Invites a person by e-mail to the organisation the caller acts for (ADMIN only).',
  })
  inviteMember(
    @Arg('input', () => InviteMemberInput, { description: 'Who to invite and with which role.' })
    input: InviteMemberInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ invitation: await inviteMember(ctx, input) }));
  }

  @Mutation(() => InvitationPayload, { description: 'Withdraws a pending invitation (ADMIN only).' })
  revokeInvitation(@Arg('id', () => ID, { description: 'The pending invitation.' }) id: string, @Ctx() ctx: Context) {
    return withUserErrors(ctx.locale, async () => ({ invitation: await revokeInvitation(ctx, id) }));
  }

  @Mutation(() => MemberPayload, {
    description: "Changes a member's role (ADMIN only); the last ADMIN cannot be demoted.",
  })
  changeMemberRole(
    @Arg('input', () => ChangeMemberRoleInput, { description: 'The member and the new role.' })
    input: ChangeMemberRoleInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ member: await changeMemberRole(ctx, input) }));
  }

  @Mutation(() => MemberPayload, {
    description: 'Removes a member (ADMIN), or leaves the organisation (one’s own membership); never the last ADMIN.',
  })
  removeMember(
    @Arg('memberId', () => ID, { description: "The member to remove (one's own membership to leave)." })
    memberId: string,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ member: await removeMember(ctx, memberId) }));
  }
}

@Resolver(() => Organisation)
export class OrganisationMembersResolver {
  @FieldResolver(() => MemberConnection, {
    description: "The organisation's members; empty unless the viewer is one of them.",
  })
  members(@Root() organisation: Organisation, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return listMembers(ctx, organisation.id, args);
  }

  @FieldResolver(() => [Invitation], {
    description: 'Invitations sent by the organisation; only for its ADMINs (others get an empty list).',
  })
  invitations(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Invitation[]> {
    return listInvitations(ctx, organisation.id);
  }
}
