import { type Actor, isAuthenticated } from '../../common/tenancy/actor.js';
import { MemberRole } from '../member/member-role.js';

/** Only people register organisations (a service account already belongs to one). */
export const canRegisterOrganisation = (actor: Actor) => isAuthenticated(actor) && actor.kind === 'PERSON';

/** Changes to an organisation are made while acting for it, as its ADMIN. */
export const canAdministerOrganisation = (actor: Actor, organisationId: string) =>
  isAuthenticated(actor) && actor.active?.organisationId === organisationId && actor.active.role === MemberRole.ADMIN;

/**
 * Its members (any role), while acting for it, see the organisation's private data: members,
 * invitations, pending requests. Row-level security draws the same line (the active organisation).
 */
export const canSeeOrganisationPrivate = (actor: Actor, organisationId: string) =>
  isAuthenticated(actor) && actor.active?.organisationId === organisationId;
