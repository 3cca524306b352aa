import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { claimVersion } from '../../common/db/claim-version.js';
import { badInput, conflict, forbidden, InputErrors, notFound } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import type { AuthenticatedActor } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { NotificationKind } from '../notification/notification.entity.js';
import { notify } from '../notification/notification.service.js';
import { PracticeRevision } from '../practice/practice-revision.entity.js';
import { Practice } from '../practice/practice.entity.js';
import { PracticeStatus } from '../practice/practice.enums.js';
import { findVisiblePractice } from '../practice/practice.query.js';
import { GroupMembership, GroupMembershipStatus } from '../thematic-group/group-membership.entity.js';
import type { CreateReviewInput, RespondToReviewInput, UpdateReviewInput } from './dto/review.input.js';
import { Review, ReviewEdition, ReviewResponse, ReviewStatus } from './review.entity.js';
import { canEditReview, canRespondToReview, canWriteReviews, isOwnPractice } from './review.policy.js';
import { mergeReview, validateReview, type ReviewDraft } from './review.validators.js';

const reviewNotFound = () => notFound({ ru: 'Рецензия не найдена', en: 'Review not found' });
const oneReview = () =>
  conflict({
    ru: 'Ваша организация уже рецензирует эту редакцию практики',
    en: 'Your organisation already has a review of this revision',
  });

function reviewer(ctx: Context): AuthenticatedActor & { active: NonNullable<AuthenticatedActor['active']> } {
  const actor = requireAuthenticated(ctx.actor);
  if (!canWriteReviews(actor) || !actor.active) {
    throw forbidden({
      ru: 'Рецензируют рецензенты, редакторы и администраторы организации',
      en: 'Only REVIEWERs, EDITORs and ADMINs of an organisation write reviews',
    });
  }
  return actor as AuthenticatedActor & { active: NonNullable<AuthenticatedActor['active']> };
}

const draftOf = (review: Review): ReviewDraft => ({
  relevance: review.relevance,
  depth: review.depth,
  loopClosure: review.loopClosure,
  evidence: review.evidence,
  replicability: review.replicability,
  confidence: review.confidence,
  body: review.body,
});

/** Tells the practice's author that a review arrived. */
function notifyPracticeAuthor(em: EntityManager, actor: AuthenticatedActor, practice: Practice) {
  return notify(em, actor, [practice.createdBy], NotificationKind.REVIEW_ON_MY_PRACTICE, {
    practiceId: practice.id,
    practiceTitle: practice.title,
    actorName: actor.displayName,
  });
}

/** Marks a complete review SUBMITTED and records the submitted edition. */
function submitEdition(em: EntityManager, review: Review, now: Date): void {
  review.status = ReviewStatus.SUBMITTED;
  review.submittedAt ??= now;
  review.edition += 1;
  em.create(ReviewEdition, {
    organisationId: review.organisationId,
    reviewId: review.id,
    number: review.edition,
    relevance: review.relevance!,
    depth: review.depth!,
    loopClosure: review.loopClosure!,
    evidence: review.evidence!,
    replicability: review.replicability!,
    confidence: review.confidence!,
    body: review.body,
  });
}

export async function createReview(ctx: Context, input: CreateReviewInput): Promise<Review> {
  const actor = reviewer(ctx);
  const organisationId = actor.active.organisationId;
  const practice = await findVisiblePractice(
    ctx,
    parseGlobalId(input.practiceId, Practice.typename, ['input', 'practiceId']),
  );
  if (!practice) throw notFound({ ru: 'Практика не найдена', en: 'Practice not found' });
  if (practice.status !== PracticeStatus.PUBLISHED) {
    throw conflict({
      ru: 'Рецензировать можно только опубликованную практику',
      en: 'Only a published practice can be reviewed',
    });
  }
  if (isOwnPractice(actor, practice.organisationId)) {
    throw forbidden({
      ru: 'Нельзя рецензировать практику своей организации (конфликт интересов)',
      en: 'You cannot review your own organisation’s practice (conflict of interest)',
    });
  }
  const member = await ctx.em.count(GroupMembership, {
    organisationId,
    groupId: practice.groupId,
    status: GroupMembershipStatus.ACTIVE,
  });
  if (!member) {
    throw forbidden({
      ru: 'Рецензировать могут только участники тематической группы практики',
      en: 'Only ACTIVE members of the practice’s thematic group review it',
    });
  }
  const draft = mergeReview({ body: '' }, input);
  const errors = new InputErrors();
  validateReview(draft, Boolean(input.submit), errors);
  errors.throwIfAny();
  const revision = await ctx.em.findOneOrFail(PracticeRevision, {
    practiceId: practice.id,
    number: practice.revisionNumber,
  });
  if (await ctx.em.count(Review, { organisationId, revisionId: revision.id })) throw oneReview();
  try {
    return await ctx.em.transactional(async (em) => {
      const review = em.create(Review, {
        organisationId,
        practiceId: practice.id,
        practiceOrganisationId: practice.organisationId,
        groupId: practice.groupId,
        revisionId: revision.id,
        revisionNumber: revision.number,
        reviewerSubject: actor.subject,
        reviewerName: actor.displayName,
        ...draft,
      });
      await em.flush();
      if (input.submit) {
        submitEdition(em, review, ctx.now());
        await notifyPracticeAuthor(em, actor, practice);
      }
      recordAudit(em, actor, {
        organisationId,
        action: input.submit ? 'review.submitted' : 'review.created',
        objectType: 'Review',
        objectId: review.id,
        summary: { practiceId: practice.id, revision: revision.number },
      });
      return review;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw oneReview();
    throw error;
  }
}

async function loadOwnReview(ctx: Context, actor: AuthenticatedActor, globalId: string): Promise<Review> {
  const review = await ctx.em.findOne(Review, { id: parseGlobalId(globalId, Review.typename, ['input', 'reviewId']) });
  if (!review) throw reviewNotFound();
  if (!canEditReview(actor, review)) {
    throw forbidden({
      ru: 'Эту рецензию может менять только её организация',
      en: 'Only the reviewing organisation can change this review',
    });
  }
  return review;
}

/** Edits a draft (and may submit it), or revises a submitted review until the author has responded. */
export async function updateReview(ctx: Context, input: UpdateReviewInput): Promise<Review> {
  const actor = reviewer(ctx);
  const review = await loadOwnReview(ctx, actor, input.reviewId);
  const submitted = review.status === ReviewStatus.SUBMITTED;
  if (submitted && (await ctx.em.count(ReviewResponse, { reviewId: review.id }))) {
    throw conflict({
      ru: 'Автор практики уже ответил: рецензию больше нельзя изменить',
      en: 'The author has responded: the review can no longer be revised',
    });
  }
  const draft = mergeReview(draftOf(review), input);
  const submitting = submitted || Boolean(input.submit);
  const errors = new InputErrors();
  validateReview(draft, submitting, errors);
  errors.throwIfAny();
  return ctx.em.transactional(async (em) => {
    review.version = await claimVersion(em, 'review', review.id, input.version);
    em.assign(review, draft);
    if (submitting) submitEdition(em, review, ctx.now());
    if (submitting && !submitted) {
      await notifyPracticeAuthor(em, actor, await em.findOneOrFail(Practice, { id: review.practiceId }));
    }
    recordAudit(em, actor, {
      organisationId: review.organisationId,
      action: submitted ? 'review.revised' : submitting ? 'review.submitted' : 'review.updated',
      objectType: 'Review',
      objectId: review.id,
      summary: { edition: review.edition },
    });
    em.persist(review);
    return review;
  });
}

export async function respondToReview(ctx: Context, input: RespondToReviewInput): Promise<ReviewResponse> {
  const actor = requireAuthenticated(ctx.actor);
  const review = await ctx.em.findOne(Review, {
    id: parseGlobalId(input.reviewId, Review.typename, ['input', 'reviewId']),
  });
  if (!review || review.status !== ReviewStatus.SUBMITTED) throw reviewNotFound();
  if (!canRespondToReview(actor, review)) {
    throw forbidden({
      ru: 'Отвечать на рецензии могут редакторы и администраторы организации — автора практики',
      en: 'Only EDITORs and ADMINs of the practice’s organisation respond to its reviews',
    });
  }
  const body = input.body.trim();
  if (body.length < 10 || body.length > 10_000) {
    throw badInput(['input', 'body'], {
      ru: 'Ответ — от 10 до 10 000 символов',
      en: 'A response is 10 to 10,000 characters',
    });
  }
  const once = () => conflict({ ru: 'На эту рецензию уже ответили', en: 'This review already has a response' });
  if (await ctx.em.count(ReviewResponse, { reviewId: review.id })) throw once();
  try {
    return await ctx.em.transactional(async (em) => {
      const response = em.create(ReviewResponse, {
        organisationId: review.practiceOrganisationId,
        reviewId: review.id,
        reviewOrganisationId: review.organisationId,
        authorSubject: actor.subject,
        authorName: actor.displayName,
        body,
      });
      await em.flush();
      recordAudit(em, actor, {
        organisationId: review.practiceOrganisationId,
        action: 'review.responded',
        objectType: 'Review',
        objectId: review.id,
      });
      return response;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw once();
    throw error;
  }
}
