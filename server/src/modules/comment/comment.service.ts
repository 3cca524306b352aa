import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { claimVersion } from '../../common/db/claim-version.js';
import { badInput, conflict, forbidden, notFound } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import { keysetPage } from '../../common/graphql/keyset-page.js';
import type { PageArgs } from '../../common/graphql/pagination.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { NotificationKind } from '../notification/notification.entity.js';
import { notify } from '../notification/notification.service.js';
import { Practice } from '../practice/practice.entity.js';
import { PracticeStatus } from '../practice/practice.enums.js';
import { findVisiblePractice } from '../practice/practice.query.js';
import { Review } from '../review/review.entity.js';
import type {
  EditCommentInput,
  ModerateCommentInput,
  PostCommentInput,
  ReportCommentInput,
} from './dto/comment.input.js';
import { Comment, CommentEdit, CommentReport, CommentStatus } from './comment.entity.js';
import { canComment, canEditComment, isCommentAuthor, isModerator } from './comment.policy.js';

export const MAX_DEPTH = 3;
const commentNotFound = () => notFound({ ru: 'Комментарий не найден', en: 'Comment not found' });

function checkBody(raw: string): string {
  const body = raw.trim();
  if (!body || body.length > 5000) {
    throw badInput(['input', 'body'], {
      ru: 'Комментарий — от 1 до 5 000 символов',
      en: 'A comment is 1 to 5,000 characters',
    });
  }
  return body;
}

async function findComment(ctx: Context, globalId: string, field: string[]): Promise<Comment> {
  const comment = await ctx.em.findOne(Comment, { id: parseGlobalId(globalId, Comment.typename, field) });
  if (!comment) throw commentNotFound();
  return comment;
}

/** Where a new comment goes: practice, optional review, parent and depth. */
async function resolveTarget(ctx: Context, input: PostCommentInput) {
  if (input.parentId) {
    const parent = await findComment(ctx, input.parentId, ['input', 'parentId']);
    if (parent.depth >= MAX_DEPTH) {
      throw badInput(['input', 'parentId'], {
        ru: `Ответы вкладываются не глубже ${MAX_DEPTH} уровней: ответьте выше по ветке`,
        en: `Replies nest at most ${MAX_DEPTH} deep: reply higher up the thread`,
      });
    }
    return {
      practiceId: parent.practiceId,
      review: parent.reviewId ? { id: parent.reviewId, organisationId: parent.reviewOrganisationId! } : null,
      parent,
    };
  }
  if (input.reviewId) {
    const review = await ctx.em.findOne(Review, {
      id: parseGlobalId(input.reviewId, Review.typename, ['input', 'reviewId']),
    });
    if (!review || review.status !== 'SUBMITTED') throw notFound({ ru: 'Рецензия не найдена', en: 'Review not found' });
    return { practiceId: review.practiceId, review, parent: null };
  }
  if (!input.practiceId) {
    throw badInput(['input', 'practiceId'], { ru: 'Укажите, что вы комментируете', en: 'Say what you comment on' });
  }
  return {
    practiceId: parseGlobalId(input.practiceId, Practice.typename, ['input', 'practiceId']),
    review: null,
    parent: null,
  };
}

export async function postComment(ctx: Context, input: PostCommentInput): Promise<Comment> {
  const actor = requireAuthenticated(ctx.actor);
  if (!canComment(actor) || !actor.active) {
    throw forbidden({
      ru: 'Комментируют от имени организации: войдите в неё',
      en: 'Comments are posted for an organisation: act for one',
    });
  }
  const body = checkBody(input.body);
  const target = await resolveTarget(ctx, input);
  const practice = await findVisiblePractice(ctx, target.practiceId);
  if (!practice) throw notFound({ ru: 'Практика не найдена', en: 'Practice not found' });
  if (practice.status !== PracticeStatus.PUBLISHED) {
    throw conflict({
      ru: 'Комментировать можно только опубликованную практику',
      en: 'Only a published practice can be commented on',
    });
  }
  return ctx.em.transactional(async (em) => {
    const comment = em.create(Comment, {
      organisationId: actor.active!.organisationId,
      practiceId: practice.id,
      practiceOrganisationId: practice.organisationId,
      reviewId: target.review?.id ?? null,
      reviewOrganisationId: target.review?.organisationId ?? null,
      parentId: target.parent?.id ?? null,
      parentOrganisationId: target.parent?.organisationId ?? null,
      depth: target.parent ? target.parent.depth + 1 : 0,
      authorSubject: actor.subject,
      authorName: actor.displayName,
      body,
      createdAt: ctx.now(),
    });
    await em.flush();
    if (target.parent) {
      await notify(em, actor, [target.parent.authorSubject], NotificationKind.REPLY_TO_MY_COMMENT, {
        practiceId: practice.id,
        practiceTitle: practice.title,
        actorName: actor.displayName,
      });
    }
    recordAudit(em, actor, {
      organisationId: comment.organisationId,
      action: 'comment.posted',
      objectType: 'Comment',
      objectId: comment.id,
      summary: { practiceId: practice.id, reviewId: comment.reviewId, parentId: comment.parentId },
    });
    return comment;
  });
}

/** The author rewrites a comment within the edit window; the earlier text is kept. */
export async function editComment(ctx: Context, input: EditCommentInput): Promise<Comment> {
  const actor = requireAuthenticated(ctx.actor);
  const comment = await findComment(ctx, input.commentId, ['input', 'commentId']);
  if (!isCommentAuthor(actor, comment)) {
    throw forbidden({ ru: 'Изменять комментарий может только его автор', en: 'Only its author can edit a comment' });
  }
  if (!canEditComment(actor, comment, ctx.now(), ctx.settings.commentEditWindowMinutes)) {
    throw conflict({
      ru: `Комментарий можно изменить в течение ${ctx.settings.commentEditWindowMinutes} минут после публикации, пока он не скрыт`,
      en: `A comment can be edited within ${ctx.settings.commentEditWindowMinutes} minutes of posting, while it is shown`,
    });
  }
  const body = checkBody(input.body);
  return ctx.em.transactional(async (em) => {
    comment.version = await claimVersion(em, 'comment', comment.id, input.version);
    em.create(CommentEdit, { organisationId: comment.organisationId, commentId: comment.id, body: comment.body });
    comment.body = body;
    comment.editedAt = ctx.now();
    em.persist(comment);
    recordAudit(em, actor, {
      organisationId: comment.organisationId,
      action: 'comment.edited',
      objectType: 'Comment',
      objectId: comment.id,
    });
    return comment;
  });
}

/** Reports a comment; enough reports from different organisations hide it pending moderation. */
export async function reportComment(ctx: Context, input: ReportCommentInput): Promise<Comment> {
  const actor = requireAuthenticated(ctx.actor);
  const comment = await findComment(ctx, input.commentId, ['input', 'commentId']);
  if (isCommentAuthor(actor, comment)) {
    throw badInput(['input', 'commentId'], {
      ru: 'Нельзя пожаловаться на свой комментарий',
      en: 'You cannot report your own comment',
    });
  }
  const once = () =>
    conflict({ ru: 'Вы уже пожаловались на этот комментарий', en: 'You have already reported this comment' });
  try {
    return await ctx.em.transactional(async (em) => {
      em.create(CommentReport, {
        organisationId: comment.organisationId,
        commentId: comment.id,
        reporterSubject: actor.subject,
        reporterOrganisationId: actor.active?.organisationId ?? null,
        reason: input.reason,
      });
      await em.flush();
      // The database decides, from reports of distinct organisations since the last moderation.
      const [hidden] = await em.execute<Array<{ hidden: boolean | null }>>(
        'select comment_hide_if_reported(?) as hidden',
        [comment.id],
      );
      if (hidden?.hidden) {
        const practice = await em.findOneOrFail(Practice, { id: comment.practiceId });
        await notify(em, actor, [comment.authorSubject], NotificationKind.COMMENT_HIDDEN, {
          practiceId: practice.id,
          practiceTitle: practice.title,
        });
      }
      recordAudit(em, actor, {
        organisationId: actor.active?.organisationId ?? null,
        action: 'comment.reported',
        objectType: 'Comment',
        objectId: comment.id,
        summary: { reason: input.reason, hidden: Boolean(hidden?.hidden) },
      });
      return await em.findOneOrFail(Comment, { id: comment.id }, { refresh: true });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw once();
    throw error;
  }
}

async function moderate(ctx: Context, input: ModerateCommentInput, hide: boolean): Promise<Comment> {
  const actor = requireAuthenticated(ctx.actor);
  if (!isModerator(actor)) throw forbidden({ ru: 'Это могут только модераторы', en: 'Only moderators can do this' });
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) {
    throw badInput(['input', 'reason'], {
      ru: 'Укажите причину (3–500 символов)',
      en: 'Give a reason (3–500 characters)',
    });
  }
  const comment = await findComment(ctx, input.commentId, ['input', 'commentId']);
  const wanted = hide ? CommentStatus.HIDDEN : CommentStatus.VISIBLE;
  if (comment.status === wanted && !(hide && comment.hiddenReason === 'REPORTS')) {
    throw conflict({
      ru: hide ? 'Комментарий уже скрыт' : 'Комментарий и так показан',
      en: hide ? 'The comment is already hidden' : 'The comment is already shown',
    });
  }
  return ctx.em.transactional(async (em) => {
    comment.status = wanted;
    comment.hiddenReason = hide ? reason : null;
    comment.hiddenBy = hide ? actor.subject : null;
    comment.hiddenAt = hide ? ctx.now() : null;
    comment.moderatedAt = ctx.now();
    em.persist(comment);
    if (hide) {
      const practice = await em.findOneOrFail(Practice, { id: comment.practiceId });
      await notify(em, actor, [comment.authorSubject], NotificationKind.COMMENT_HIDDEN, {
        practiceId: practice.id,
        practiceTitle: practice.title,
        reason,
      });
    }
    recordAudit(em, actor, {
      organisationId: null,
      action: hide ? 'comment.hidden' : 'comment.restored',
      objectType: 'Comment',
      objectId: comment.id,
      summary: { reason },
    });
    return comment;
  });
}

export const hideComment = (ctx: Context, input: ModerateCommentInput) => moderate(ctx, input, true);
export const restoreComment = (ctx: Context, input: ModerateCommentInput) => moderate(ctx, input, false);

/** A thread: the comments on a practice (or on one review), oldest first; clients nest them by parent. */
export function listComments(ctx: Context, target: { practiceId: string; reviewId: string | null }, args: PageArgs) {
  return keysetPage(ctx.em, Comment, { practiceId: target.practiceId, reviewId: target.reviewId }, args, {
    column: 'createdAt',
    date: true,
  });
}

/** Hidden or reported comments for moderators, newest first. */
export async function listCommentsForModeration(ctx: Context, args: PageArgs) {
  const actor = requireAuthenticated(ctx.actor);
  if (!isModerator(actor))
    throw forbidden({ ru: 'Очередь модерации доступна модераторам', en: 'The moderation queue is for moderators' });
  const reported = await ctx.em.execute<Array<{ comment_id: string }>>(
    `select distinct r.comment_id from comment_report r join comment c on c.id = r.comment_id where c.status = 'VISIBLE'`,
  );
  const where = { $or: [{ status: CommentStatus.HIDDEN }, { id: { $in: reported.map((r) => r.comment_id) } }] };
  return keysetPage(ctx.em, Comment, where, args, { column: 'createdAt', date: true, descending: true });
}
