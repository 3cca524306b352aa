import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../common/graphql/pagination.js';
import { UserError } from '../../../common/graphql/user-error.js';
import { Comment, ReportReason } from '../comment.entity.js';

@InputType({ description: 'A new comment: on a practice, on one of its reviews, or a reply to a comment.' })
export class PostCommentInput {
  @Field(() => ID, { nullable: true, description: 'The practice (for a top-level comment on it).' })
  practiceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A review of the practice (for a top-level comment on the review).' })
  reviewId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The comment replied to (replies nest at most 3 deep).' })
  parentId?: string | null;

  @Field({ description: 'Text, Markdown (1–5,000 characters).' })
  body!: string;
}

@InputType({ description: 'A new text for one’s own comment, within the edit window.' })
export class EditCommentInput {
  @Field(() => ID, { description: 'The comment.' })
  commentId!: string;

  @Field(() => Int, { description: 'The `version` the edit is based on.' })
  version!: number;

  @Field({ description: 'New text (1–5,000 characters).' })
  body!: string;
}

@InputType({ description: 'A report about a comment.' })
export class ReportCommentInput {
  @Field(() => ID, { description: 'The comment.' })
  commentId!: string;

  @Field(() => ReportReason, { description: 'Why.' })
  reason!: ReportReason;
}

@InputType({ description: 'A moderator hides or restores a comment, saying why.' })
export class ModerateCommentInput {
  @Field(() => ID, { description: 'The comment.' })
  commentId!: string;

  @Field({ description: 'Why (3–500 characters); shown to the author.' })
  reason!: string;
}

@ObjectType({ description: 'Result of a mutation on a comment.' })
export class CommentPayload {
  @Field(() => Comment, { nullable: true, description: 'The comment as it is now; null when refused.' })
  comment?: Comment | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'An earlier text of an edited comment.' })
export class CommentEditView {
  @Field({ description: 'The text before the edit.' })
  body!: string;

  @Field({ description: 'When it was replaced.' })
  replacedAt!: Date;
}

export const { ConnectionType: CommentConnection } = connectionTypes(Comment, 'Comment', 'comment');
