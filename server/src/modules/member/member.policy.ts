import { type Actor, isAuthenticated } from '../../common/tenancy/actor.js';
import { canAdministerOrganisation } from '../organisation/organisation.policy.js';
import type { Member } from './member.entity.js';

/** ADMINs manage members and invitations of the organisation they act for. */
export const canManageMembers = canAdministerOrganisation;

/** An ADMIN removes anyone of their organisation; anyone may leave (remove themself). */
export const canRemoveMember = (actor: Actor, member: Member) =>
  canManageMembers(actor, member.organisationId) ||
  (isAuthenticated(actor) && actor.kind === 'PERSON' && actor.subject === member.subject);
