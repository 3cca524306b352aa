import { type Actor, hasPlatformRole, isAuthenticated } from '../../common/tenancy/actor.js';
import { MemberRole, PlatformRole } from '../member/member-role.js';

export const canCreateThematicGroup = (actor: Actor) => hasPlatformRole(actor, PlatformRole.PLATFORM_ADMIN);

/** The organisation's ADMIN decides which groups it joins and leaves. */
export const canManageGroupMembership = (actor: Actor) =>
  isAuthenticated(actor) && actor.active?.role === MemberRole.ADMIN;

/** Platform moderators and admins moderate every group; a group may name moderators of its own by e-mail. */
export const canModerateGroup = (actor: Actor, moderatorEmails: readonly string[]) =>
  hasPlatformRole(actor, PlatformRole.PLATFORM_ADMIN, PlatformRole.MODERATOR) ||
  (isAuthenticated(actor) && actor.email !== undefined && moderatorEmails.includes(actor.email));
