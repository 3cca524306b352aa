import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { PageArgs } from '../../common/graphql/pagination.js';
import { withUserErrors } from '../../common/graphql/user-error.js';
import { isAuthenticated } from '../../common/tenancy/actor.js';
import type { Context } from '../../context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Practice } from '../practice/practice.entity.js';
import { Review } from '../review/review.entity.js';
import {
  CommentConnection,
  CommentEditView,
  CommentPayload,
  EditCommentInput,
  ModerateCommentInput,
  PostCommentInput,
  ReportCommentInput,
} from './dto/comment.input.js';
import { Comment } from './comment.entity.js';
import { canEditComment, canReadHiddenComment, isModerator } from './comment.policy.js';
import {
  editComment,
  hideComment,
  listComments,
  listCommentsForModeration,
  postComment,
  reportComment,
  restoreComment,
} from './comment.service.js';

@Resolver(() => Comment)
export class CommentResolver {
  @Query(() => CommentConnection, { description: 'Hidden and reported comments, newest first (moderators only).' })
  commentsForModeration(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return listCommentsForModeration(ctx, args);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Text (Markdown); null for a hidden comment unless the viewer is its author or a moderator.',
  })
  body(@Root() comment: Comment, @Ctx() ctx: Context): string | null {
    return comment.status === 'VISIBLE' || canReadHiddenComment(ctx.actor, comment) ? comment.body : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it is hidden (for its author and moderators).' })
  hiddenReason(@Root() comment: Comment, @Ctx() ctx: Context): string | null {
    return canReadHiddenComment(ctx.actor, comment) ? (comment.hiddenReason ?? null) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The comment it replies to.' })
  parentId(@Root() comment: Comment): string | null {
    return comment.parentId ? toGlobalId(Comment.typename, comment.parentId) : null;
  }

  @FieldResolver(() => ID, { description: 'The practice.' })
  practiceId(@Root() comment: Comment): string {
    return toGlobalId(Practice.typename, comment.practiceId);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The review, for a comment on a review.' })
  reviewId(@Root() comment: Comment): string | null {
    return comment.reviewId ? toGlobalId(Review.typename, comment.reviewId) : null;
  }

  @FieldResolver(() => Organisation, { description: "The author's organisation." })
  organisation(@Root() comment: Comment, @Ctx() ctx: Context) {
    return ctx.loaders.organisation.loadOrFail(comment.organisationId, 'organisation');
  }

  @FieldResolver(() => [CommentEditView], {
    description: 'Earlier texts, newest first (empty for a hidden comment unless the viewer may read it).',
  })
  async edits(@Root() comment: Comment, @Ctx() ctx: Context): Promise<CommentEditView[]> {
    if (comment.status !== 'VISIBLE' && !canReadHiddenComment(ctx.actor, comment)) return [];
    const edits = (await ctx.loaders.commentEdits.load(comment.id)) ?? [];
    return edits.map((e) => ({ body: e.body, replacedAt: e.replacedAt }));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'How many reports it has (moderators only).' })
  async reportCount(@Root() comment: Comment, @Ctx() ctx: Context): Promise<number | null> {
    return isModerator(ctx.actor) ? ((await ctx.loaders.commentReportCount.load(comment.id)) ?? 0) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may still edit it.' })
  viewerCanEdit(@Root() comment: Comment, @Ctx() ctx: Context): boolean {
    return canEditComment(ctx.actor, comment, ctx.now(), ctx.settings.commentEditWindowMinutes);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer has reported it.' })
  async viewerHasReported(@Root() comment: Comment, @Ctx() ctx: Context): Promise<boolean> {
    return isAuthenticated(ctx.actor) ? Boolean(await ctx.loaders.reportedByViewer.load(comment.id)) : false;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Until when its author may edit it (null for others).' })
  editableUntil(@Root() comment: Comment, @Ctx() ctx: Context): Date | null {
    return isAuthenticated(ctx.actor) && ctx.actor.subject === comment.authorSubject
      ? new Date(comment.createdAt.getTime() + ctx.settings.commentEditWindowMinutes * 60_000)
      : null;
  }

  @FieldResolver(() => Practice, { nullable: true, description: 'The practice it is on.' })
  practice(@Root() comment: Comment, @Ctx() ctx: Context): Promise<Practice | undefined> {
    return ctx.loaders.practice.load(comment.practiceId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer wrote it.' })
  isViewer(@Root() comment: Comment, @Ctx() ctx: Context): boolean {
    return isAuthenticated(ctx.actor) && ctx.actor.subject === comment.authorSubject;
  }

  @Mutation(() => CommentPayload, {
    description: 'Posts a comment on a practice or a review, or a reply, for the organisation the caller acts for.',
  })
  postComment(
    @Arg('input', () => PostCommentInput, { description: 'Where and what.' }) input: PostCommentInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ comment: await postComment(ctx, input) }));
  }

  @Mutation(() => CommentPayload, {
    description: 'Edits one’s own comment within the edit window; the earlier text is kept.',
  })
  editComment(
    @Arg('input', () => EditCommentInput, { description: 'Comment, version and new text.' }) input: EditCommentInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ comment: await editComment(ctx, input) }));
  }

  @Mutation(() => CommentPayload, {
    description: 'Reports a comment; reports from several organisations hide it pending moderation.',
  })
  reportComment(
    @Arg('input', () => ReportCommentInput, { description: 'Comment and reason.' }) input: ReportCommentInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ comment: await reportComment(ctx, input) }));
  }

  @Mutation(() => CommentPayload, { description: 'Hides a comment with a reason (moderators).' })
  hideComment(
    @Arg('input', () => ModerateCommentInput, { description: 'Comment and reason.' }) input: ModerateCommentInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ comment: await hideComment(ctx, input) }));
  }

  @Mutation(() => CommentPayload, { description: 'Shows a hidden comment again, with a reason (moderators).' })
  restoreComment(
    @Arg('input', () => ModerateCommentInput, { description: 'Comment and reason.' }) input: ModerateCommentInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ comment: await restoreComment(ctx, input) }));
  }
}

@Resolver(() => Practice)
export class PracticeCommentsResolver {
  @FieldResolver(() => CommentConnection, {
    description: 'Comments on the practice itself (not on its reviews), oldest first; nest them by `parentId`.',
  })
  comments(@Root() practice: Practice, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return listComments(ctx, { practiceId: practice.id, reviewId: null }, args);
  }
}

@Resolver(() => Review)
export class ReviewCommentsResolver {
  @FieldResolver(() => CommentConnection, {
    description: 'Comments on this review, oldest first; nest them by `parentId`.',
  })
  comments(@Root() review: Review, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return listComments(ctx, { practiceId: review.practiceId, reviewId: review.id }, args);
  }
}
