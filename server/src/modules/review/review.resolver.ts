import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { withUserErrors } from '../../common/graphql/user-error.js';
import { isAuthenticated } from '../../common/tenancy/actor.js';
import type { Context } from '../../context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Practice } from '../practice/practice.entity.js';
import { PracticeStatus } from '../practice/practice.enums.js';
import {
  CreateReviewInput,
  RespondToReviewInput,
  ReviewEditionView,
  ReviewPayload,
  ReviewResponsePayload,
  ReviewSummary,
  RubricScores,
  UpdateReviewInput,
} from './dto/review.input.js';
import { Review, ReviewResponse } from './review.entity.js';
import { canEditReview, canRespondToReview, canWriteReviews, isOwnPractice } from './review.policy.js';
import { createReview, respondToReview, updateReview } from './review.service.js';
import { summaryOfPractice } from './review.summary.js';

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => Organisation, { description: 'The reviewing organisation.' })
  organisation(@Root() review: Review, @Ctx() ctx: Context) {
    return ctx.loaders.organisation.loadOrFail(review.organisationId, 'organisation');
  }

  @FieldResolver(() => RubricScores, { description: 'Rubric scores.' })
  scores(@Root() review: Review): RubricScores {
    const { relevance, depth, loopClosure, evidence, replicability } = review;
    return { relevance, depth, loopClosure, evidence, replicability };
  }

  @FieldResolver(() => [ReviewEditionView], {
    description: 'Submitted editions, newest first (a revised review keeps the earlier ones).',
  })
  async editions(@Root() review: Review, @Ctx() ctx: Context): Promise<ReviewEditionView[]> {
    const editions = (await ctx.loaders.reviewEditions.load(review.id)) ?? [];
    return editions.map((e) => ({
      number: e.number,
      scores: {
        relevance: e.relevance,
        depth: e.depth,
        loopClosure: e.loopClosure,
        evidence: e.evidence,
        replicability: e.replicability,
      },
      confidence: e.confidence,
      body: e.body,
      createdAt: e.createdAt,
    }));
  }

  @FieldResolver(() => ReviewResponse, { nullable: true, description: "The practice owner's response, if any." })
  async response(@Root() review: Review, @Ctx() ctx: Context): Promise<ReviewResponse | null> {
    return (await ctx.loaders.reviewResponse.load(review.id)) ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the viewer may edit it now (a submitted review only until the author responds).',
  })
  async viewerCanEdit(@Root() review: Review, @Ctx() ctx: Context): Promise<boolean> {
    if (!canEditReview(ctx.actor, review)) return false;
    return review.status === 'DRAFT' || !(await ctx.loaders.reviewResponse.load(review.id));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may respond to it (as the practice owner, once).' })
  async viewerCanRespond(@Root() review: Review, @Ctx() ctx: Context): Promise<boolean> {
    return canRespondToReview(ctx.actor, review) && !(await ctx.loaders.reviewResponse.load(review.id));
  }

  @Mutation(() => ReviewPayload, {
    description:
      'Reviews the current revision of a practice for the organisation the caller acts for; one per organisation per revision.',
  })
  createReview(
    @Arg('input', () => CreateReviewInput, { description: 'Practice, scores and text.' }) input: CreateReviewInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ review: await createReview(ctx, input) }));
  }

  @Mutation(() => ReviewPayload, {
    description: 'Edits or submits a draft review, or revises a submitted one until the author responds.',
  })
  updateReview(
    @Arg('input', () => UpdateReviewInput, { description: 'Review, version and changes.' }) input: UpdateReviewInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ review: await updateReview(ctx, input) }));
  }

  @Mutation(() => ReviewResponsePayload, { description: "The practice owner's one response to a review." })
  respondToReview(
    @Arg('input', () => RespondToReviewInput, { description: 'Review and response.' }) input: RespondToReviewInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ response: await respondToReview(ctx, input) }));
  }
}

@Resolver(() => Practice)
export class PracticeReviewsResolver {
  @FieldResolver(() => [Review], {
    description: 'Submitted reviews (and the viewer’s own organisation’s draft), oldest first.',
  })
  async reviews(@Root() practice: Practice, @Ctx() ctx: Context): Promise<Review[]> {
    return (await ctx.loaders.practiceReviews.load(practice.id)) ?? [];
  }

  @FieldResolver(() => ReviewSummary, {
    description: 'Means per rubric criterion and overall, with the number of reviews.',
  })
  reviewSummary(@Root() practice: Practice, @Ctx() ctx: Context): ReviewSummary {
    return summaryOfPractice(practice, () => ctx.loaders.practiceReviews.load(practice.id));
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the viewer may review its current revision now (another organisation of the group, not yet reviewed).',
  })
  async viewerCanReview(@Root() practice: Practice, @Ctx() ctx: Context): Promise<boolean> {
    const actor = ctx.actor;
    if (
      practice.status !== PracticeStatus.PUBLISHED ||
      !canWriteReviews(actor) ||
      isOwnPractice(actor, practice.organisationId)
    )
      return false;
    if (!isAuthenticated(actor) || !actor.active) return false;
    const active = await ctx.loaders.viewerGroupMembership.load(practice.groupId);
    if (active?.status !== 'ACTIVE') return false;
    const reviews = (await ctx.loaders.practiceReviews.load(practice.id)) ?? [];
    return !reviews.some(
      (r) => r.organisationId === actor.active!.organisationId && r.revisionNumber === practice.revisionNumber,
    );
  }
}
