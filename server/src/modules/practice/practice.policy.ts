import { type Actor, isAuthenticated } from '../../common/tenancy/actor.js';
import { MemberRole } from '../member/member-role.js';
import type { Practice } from './practice.entity.js';

const WRITERS = new Set<MemberRole>([MemberRole.ADMIN, MemberRole.EDITOR]);

/** EDITORs and ADMINs write the practices of the organisation they act for. */
export const canWritePractices = (actor: Actor) =>
  isAuthenticated(actor) && actor.active !== undefined && WRITERS.has(actor.active.role);

export const canEditPractice = (actor: Actor, practice: Practice) =>
  canWritePractices(actor) && isAuthenticated(actor) && actor.active?.organisationId === practice.organisationId;

/** Drafts are seen by the owning organisation only (acting for it). */
export const canSeePractice = (actor: Actor, practice: Practice) =>
  practice.status !== 'DRAFT' || (isAuthenticated(actor) && actor.active?.organisationId === practice.organisationId);
