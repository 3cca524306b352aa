import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { VerifiedToken } from '../../common/auth/token-verifier.js';
import { fromGlobalId } from '../../common/graphql/global-id.js';
import { currentLocale } from '../../common/i18n/locale.js';
import { ANONYMOUS, type Actor, type AuthenticatedActor, type OrganisationRole } from '../../common/tenancy/actor.js';
import { applySessionVariables, switchTenantInTransaction } from '../../common/tenancy/session.js';
import type { Logger } from '../../logger.js';
import { recordAudit } from '../audit/audit.service.js';
import { Invitation, InvitationStatus } from './invitation.entity.js';
import { Member } from './member.entity.js';
import { PlatformRole } from './member-role.js';
import type { MembershipCache } from './membership-cache.js';
import { ServiceAccount } from './service-account.entity.js';

/** A token of an API client that is revoked, or that no organisation registered: refused outright. */
const apiClientRevoked = () =>
  new GraphQLError('This API client has been revoked or is not registered for an organisation', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

export const ACTIVE_ORGANISATION_HEADER = 'x-otklik-organisation';

const PLATFORM_ROLES = new Set<string>(Object.values(PlatformRole));

class AlreadyDecided extends Error {}

/**
 * Turns pending invitations for the person's verified e-mail into memberships. Safe under
 * concurrent first requests: the invitation row is locked while PENDING, so it flips to
 * ACCEPTED once; a revoked or already accepted one is skipped.
 */
async function acceptInvitations(
  em: EntityManager,
  actor: AuthenticatedActor,
  now: Date,
  logger: Logger,
): Promise<number> {
  const invitations = await em.find(Invitation, {
    email: actor.email!.toLowerCase(),
    status: InvitationStatus.PENDING,
  });
  for (const invitation of invitations) {
    try {
      await em.transactional(async (tem) => {
        await switchTenantInTransaction(tem, invitation.organisationId);
        // Concurrent acceptances queue on this lock; those that follow find it decided.
        const pending = await tem.execute<Array<{ id: string }>>(
          `select id from invitation where id = ? and status = 'PENDING' for update`,
          [invitation.id],
        );
        if (!pending.length) throw new AlreadyDecided();
        const inserted = await tem.execute<Array<{ id: string }>>(
          `insert into member (organisation_id, subject, display_name, email, role) values (?, ?, ?, ?, ?)
           on conflict (organisation_id, subject) do nothing returning id`,
          [invitation.organisationId, actor.subject, actor.displayName, actor.email ?? null, invitation.role],
        );
        const accepted = await tem.execute<Array<{ id: string }>>(
          `update invitation set status = 'ACCEPTED', decided_at = ? where id = ? and status = 'PENDING' returning id`,
          [now, invitation.id],
        );
        if (!accepted.length) throw new AlreadyDecided();
        recordAudit(tem, actor, {
          organisationId: invitation.organisationId,
          action: 'invitation.accepted',
          objectType: 'Invitation',
          objectId: invitation.id,
          summary: { role: invitation.role, alreadyMember: !inserted.length },
        });
      });
      logger.info({ organisationId: invitation.organisationId }, 'invitation accepted');
    } catch (error) {
      if (!(error instanceof AlreadyDecided)) throw error;
    }
  }
  return invitations.length;
}

function pickActive(memberships: OrganisationRole[], requested: string | undefined): OrganisationRole | undefined {
  if (!requested) return memberships[0];
  const id = fromGlobalId(requested)?.id ?? requested;
  const found = memberships.find((m) => m.organisationId === id);
  if (!found) {
    const message = {
      ru: 'Вы не состоите в организации, указанной в заголовке X-Otklik-Organisation',
      en: 'You are not a member of the organisation named in the X-Otklik-Organisation header',
    }[currentLocale()];
    throw new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
  return found;
}

/**
 * Who is calling, from the verified token and Otklik's own membership data; sets the
 * row-level-security variables on `em` for the rest of the request.
 */
export async function resolveActor(
  em: EntityManager,
  token: VerifiedToken | undefined,
  requestedOrganisation: string | undefined,
  opts: { now: Date; logger: Logger; memberships?: MembershipCache },
): Promise<Actor> {
  if (!token) {
    applySessionVariables(em, { organisationId: null, subject: null, email: null, clientId: null, platformRoles: [] });
    return ANONYMOUS;
  }
  const platformRoles = token.realmRoles.filter((r): r is PlatformRole => PLATFORM_ROLES.has(r));
  const email = token.emailVerified ? token.email?.toLowerCase() : undefined;
  applySessionVariables(em, {
    organisationId: null,
    subject: token.subject,
    email: email ?? null,
    clientId: token.clientId ?? null,
    platformRoles,
  });
  const actor: AuthenticatedActor = {
    kind: token.isServiceAccount ? 'SERVICE_ACCOUNT' : 'PERSON',
    subject: token.subject,
    displayName: token.name ?? token.username ?? token.clientId ?? token.subject,
    email,
    emailVerified: token.emailVerified,
    clientId: token.clientId,
    platformRoles,
    memberships: [],
  };
  const cacheKey =
    actor.kind === 'SERVICE_ACCOUNT' ? `client:${token.clientId ?? ''}` : `person:${token.subject}:${email ?? ''}`;
  const cached = opts.memberships?.get(cacheKey);
  if (cached) {
    actor.memberships = cached;
  } else {
    const version = opts.memberships?.version;
    let remember = true;
    if (actor.kind === 'SERVICE_ACCOUNT') {
      const account = token.clientId ? await em.findOne(ServiceAccount, { clientId: token.clientId }) : null;
      if (!account || account.revokedAt) throw apiClientRevoked();
      actor.memberships = [{ organisationId: account.organisationId, role: account.role }];
    } else {
      // Invitations found were accepted (or decided meanwhile): the next request looks again.
      if (email) remember = (await acceptInvitations(em, actor, opts.now, opts.logger)) === 0;
      const members = await em.find(Member, { subject: token.subject }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      actor.memberships = members.map((m) => ({ organisationId: m.organisationId, role: m.role, memberId: m.id }));
    }
    if (version !== undefined && remember) opts.memberships?.set(cacheKey, version, actor.memberships);
  }
  actor.active = pickActive(actor.memberships, requestedOrganisation);
  applySessionVariables(em, { organisationId: actor.active?.organisationId ?? null });
  return actor;
}
