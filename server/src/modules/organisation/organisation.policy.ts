import { type Actor, isAuthenticated, roleIn } from '../../common/tenancy/actor.js';
import { MemberRole } from '../member/member-role.js';

/** Only people register organisations (a service account already belongs to one). */
export const canRegisterOrganisation = (actor: Actor) => isAuthenticated(actor) && actor.kind === 'PERSON';

/** Changes to an organisation are made while acting for it, as its ADMIN. */
export const canAdministerOrganisation = (actor: Actor, organisationId: string) =>
  isAuthenticated(actor) && actor.active?.organisationId === organisationId && actor.active.role === MemberRole.ADMIN;

/** Its members (any role) see the organisation's private data: members, invitations, pending requests. */
export const canSeeOrganisationPrivate = (actor: Actor, organisationId: string) =>
  roleIn(actor, organisationId) !== undefined;
