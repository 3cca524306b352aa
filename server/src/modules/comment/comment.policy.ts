import { type Actor, hasPlatformRole, isAuthenticated } from '../../common/tenancy/actor.js';
import { PlatformRole } from '../member/member-role.js';
import type { Comment } from './comment.entity.js';

/** People acting for an organisation comment (the organisation is shown beside their name). */
export const canComment = (actor: Actor) => isAuthenticated(actor) && actor.active !== undefined;

export const isModerator = (actor: Actor) =>
  hasPlatformRole(actor, PlatformRole.PLATFORM_ADMIN, PlatformRole.MODERATOR);

export const isCommentAuthor = (actor: Actor, comment: Comment) =>
  isAuthenticated(actor) && actor.subject === comment.authorSubject;

/** The author edits within the edit window, while the comment is shown. */
export const canEditComment = (actor: Actor, comment: Comment, now: Date, windowMinutes: number) =>
  isCommentAuthor(actor, comment) &&
  comment.status === 'VISIBLE' &&
  now.getTime() - comment.createdAt.getTime() <= windowMinutes * 60_000;

/** A hidden comment's text is for its author and the moderators. */
export const canReadHiddenComment = (actor: Actor, comment: Comment) =>
  isCommentAuthor(actor, comment) || isModerator(actor);
