import type { MemberRole, PlatformRole } from '../../modules/member/member-role.js';

export interface OrganisationRole {
  organisationId: string;
  role: MemberRole;
  /** The member row; absent for service accounts. */
  memberId?: string;
}

export interface AnonymousActor {
  kind: 'ANONYMOUS';
}

export interface AuthenticatedActor {
  kind: 'PERSON' | 'SERVICE_ACCOUNT';
  subject: string;
  displayName: string;
  email?: string;
  emailVerified: boolean;
  clientId?: string;
  platformRoles: PlatformRole[];
  /** Every organisation the actor belongs to (a service account: exactly one). */
  memberships: OrganisationRole[];
  /** The organisation acting for in this request: from the X-Otklik-Organisation header, else the first membership. */
  active?: OrganisationRole;
}

export type Actor = AnonymousActor | AuthenticatedActor;

export const ANONYMOUS: AnonymousActor = { kind: 'ANONYMOUS' };

export function isAuthenticated(actor: Actor): actor is AuthenticatedActor {
  return actor.kind !== 'ANONYMOUS';
}

export function hasPlatformRole(actor: Actor, ...roles: PlatformRole[]): boolean {
  return isAuthenticated(actor) && actor.platformRoles.some((r) => roles.includes(r));
}

/** The actor's role in an organisation, if any. */
export function roleIn(actor: Actor, organisationId: string): MemberRole | undefined {
  return isAuthenticated(actor) ? actor.memberships.find((m) => m.organisationId === organisationId)?.role : undefined;
}

/** The active organisation's id, only when the actor acts for it. */
export function activeOrganisationId(actor: Actor): string | undefined {
  return isAuthenticated(actor) ? actor.active?.organisationId : undefined;
}
