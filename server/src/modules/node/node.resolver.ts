import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { fromGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';
import type { Context } from '../../context.js';
import { ApiClient, apiClientView } from '../api-client/api-client.resolver.js';
import { Invitation } from '../member/invitation.entity.js';
import { ServiceAccount } from '../member/service-account.entity.js';
import { Member } from '../member/member.entity.js';
import { canManageMembers } from '../member/member.policy.js';
import { Comment } from '../comment/comment.entity.js';
import { isModerator } from '../comment/comment.policy.js';
import { Disclosure, OpennessStandard } from '../openness/openness.entities.js';
import { Notification } from '../notification/notification.entity.js';
import { FeedbackMethod } from '../feedback-method/feedback-method.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { PracticeRevision } from '../practice/practice-revision.entity.js';
import { Review, ReviewResponse } from '../review/review.entity.js';
import { Practice } from '../practice/practice.entity.js';
import { findVisiblePractice } from '../practice/practice.query.js';
import { canSeeOrganisationPrivate } from '../organisation/organisation.policy.js';
import { GroupMembership, GroupMembershipStatus } from '../thematic-group/group-membership.entity.js';
import { ThematicGroup } from '../thematic-group/thematic-group.entity.js';
import { canModerateGroup } from '../thematic-group/thematic-group.policy.js';
import { groupModerators } from '../thematic-group/thematic-group.service.js';

/** Each type's fetch applies the same visibility as its own queries: never more than the actor may see. */
const fetchers = new Map<string, (ctx: Context, id: string) => Promise<object | null>>(
  Object.entries({
    [Organisation.typename]: (ctx: Context, id: string) => ctx.em.findOne(Organisation, { id }),
    [ThematicGroup.typename]: (ctx: Context, id: string) => ctx.em.findOne(ThematicGroup, { id }),
    [Member.typename]: async (ctx: Context, id: string) => {
      const member = await ctx.em.findOne(Member, { id });
      return member && canSeeOrganisationPrivate(ctx.actor, member.organisationId) ? member : null;
    },
    [ApiClient.typename]: async (ctx: Context, id: string) => {
      const account = await ctx.em.findOne(ServiceAccount, { id });
      return account && canManageMembers(ctx.actor, account.organisationId) ? apiClientView(account) : null;
    },
    [Invitation.typename]: async (ctx: Context, id: string) => {
      const invitation = await ctx.em.findOne(Invitation, { id });
      return invitation && canManageMembers(ctx.actor, invitation.organisationId) ? invitation : null;
    },
    [GroupMembership.typename]: async (ctx: Context, id: string) => {
      const membership = await ctx.em.findOne(GroupMembership, { id });
      if (!membership) return null;
      if (membership.status === GroupMembershipStatus.ACTIVE) return membership;
      if (canSeeOrganisationPrivate(ctx.actor, membership.organisationId)) return membership;
      return canModerateGroup(ctx.actor, await groupModerators(ctx, membership.groupId)) ? membership : null;
    },
    [Practice.typename]: (ctx: Context, id: string) => findVisiblePractice(ctx, id),
    [PracticeRevision.typename]: (ctx: Context, id: string) => ctx.em.findOne(PracticeRevision, { id }),
    [FeedbackMethod.typename]: (ctx: Context, id: string) => ctx.em.findOne(FeedbackMethod, { id }),
    [Review.typename]: async (ctx: Context, id: string) => {
      const review = await ctx.em.findOne(Review, { id });
      return review && (review.status === 'SUBMITTED' || canSeeOrganisationPrivate(ctx.actor, review.organisationId))
        ? review
        : null;
    },
    [OpennessStandard.typename]: (ctx: Context, id: string) => ctx.em.findOne(OpennessStandard, { id }),
    [Disclosure.typename]: async (ctx: Context, id: string) => {
      const disclosure = await ctx.em.findOne(Disclosure, { id });
      return disclosure &&
        (disclosure.status === 'VERIFIED' ||
          canSeeOrganisationPrivate(ctx.actor, disclosure.organisationId) ||
          isModerator(ctx.actor))
        ? disclosure
        : null;
    },
    [Comment.typename]: (ctx: Context, id: string) => ctx.em.findOne(Comment, { id }),
    [Notification.typename]: (ctx: Context, id: string) => ctx.em.findOne(Notification, { id }),
    [ReviewResponse.typename]: (ctx: Context, id: string) => ctx.em.findOne(ReviewResponse, { id }),
  }),
);

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist or is not visible.',
  })
  async node(
    @Arg('id', () => ID, { description: 'Global id of the object.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<object | null> {
    const parsed = fromGlobalId(id);
    const fetch = parsed ? fetchers.get(parsed.type) : undefined;
    return fetch && parsed ? fetch(ctx, parsed.id) : null;
  }
}
