import { type Actor, isAuthenticated } from '../../common/tenancy/actor.js';
import { MemberRole } from '../member/member-role.js';
import type { Review } from './review.entity.js';

const REVIEWERS = new Set<MemberRole>([MemberRole.ADMIN, MemberRole.EDITOR, MemberRole.REVIEWER]);
const RESPONDERS = new Set<MemberRole>([MemberRole.ADMIN, MemberRole.EDITOR]);

/** REVIEWERs, EDITORs and ADMINs review for the organisation they act for. */
export const canWriteReviews = (actor: Actor) =>
  isAuthenticated(actor) && actor.active !== undefined && REVIEWERS.has(actor.active.role);

/** Never one's own organisation's practice: a conflict of interest. */
export const isOwnPractice = (actor: Actor, practiceOrganisationId: string) =>
  isAuthenticated(actor) && actor.active?.organisationId === practiceOrganisationId;

export const canEditReview = (actor: Actor, review: Review) =>
  canWriteReviews(actor) && isAuthenticated(actor) && actor.active?.organisationId === review.organisationId;

/** The practice's own EDITORs and ADMINs answer its reviews. */
export const canRespondToReview = (actor: Actor, review: Review) =>
  isAuthenticated(actor) &&
  actor.active?.organisationId === review.practiceOrganisationId &&
  RESPONDERS.has(actor.active.role) &&
  review.status === 'SUBMITTED';
