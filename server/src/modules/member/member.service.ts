import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import { keysetPage } from '../../common/graphql/keyset-page.js';
import { pageSize, toConnection, type PageArgs } from '../../common/graphql/pagination.js';
import { type AuthenticatedActor } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import { switchTenantInTransaction } from '../../common/tenancy/session.js';
import { isEmail } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { canSeeOrganisationPrivate } from '../organisation/organisation.policy.js';
import type { ChangeMemberRoleInput, InviteMemberInput } from './dto/member.input.js';
import { Invitation, InvitationStatus } from './invitation.entity.js';
import { Member } from './member.entity.js';
import { MemberRole } from './member-role.js';
import { canManageMembers, canRemoveMember } from './member.policy.js';

const onlyAdmins = () =>
  forbidden({
    ru: 'Управлять участниками может только администратор организации',
    en: 'Only the organisation’s ADMIN can manage members',
  });
const lastAdmin = () =>
  conflict({
    ru: 'В организации должен остаться хотя бы один администратор',
    en: 'The organisation must keep at least one ADMIN',
  });

function activeAdmin(ctx: Context): { actor: AuthenticatedActor; organisationId: string } {
  const actor = requireAuthenticated(ctx.actor);
  const organisationId = actor.active?.organisationId;
  if (!organisationId || !canManageMembers(actor, organisationId)) throw onlyAdmins();
  return { actor, organisationId };
}

export async function listMembers(ctx: Context, organisationId: string, args: PageArgs) {
  const size = pageSize(args);
  if (!canSeeOrganisationPrivate(ctx.actor, organisationId))
    return toConnection<Member>([], size, 0, () => ({ value: '', id: '' }), false);
  return keysetPage(ctx.em, Member, { organisationId }, args, { column: 'displayName' });
}

export async function listInvitations(ctx: Context, organisationId: string): Promise<Invitation[]> {
  if (!canManageMembers(ctx.actor, organisationId)) return [];
  return ctx.em.find(Invitation, { organisationId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

export async function inviteMember(ctx: Context, input: InviteMemberInput): Promise<Invitation> {
  const { actor, organisationId } = activeAdmin(ctx);
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) {
    throw badInput(['input', 'email'], {
      ru: 'Укажите корректный адрес электронной почты',
      en: 'Enter a valid e-mail address',
    });
  }
  if (await ctx.em.count(Member, { organisationId, email })) {
    throw conflict({ ru: 'Этот человек уже участник организации', en: 'This person is already a member' }, [
      'input',
      'email',
    ]);
  }
  const duplicate = () =>
    conflict(
      { ru: 'Приглашение на этот адрес уже отправлено', en: 'An invitation to this e-mail is already pending' },
      ['input', 'email'],
    );
  if (await ctx.em.count(Invitation, { organisationId, email, status: InvitationStatus.PENDING })) throw duplicate();
  try {
    return await ctx.em.transactional(async (em) => {
      const invitation = em.create(Invitation, { organisationId, email, role: input.role, invitedBy: actor.subject });
      await em.flush();
      recordAudit(em, actor, {
        organisationId,
        action: 'invitation.created',
        objectType: 'Invitation',
        objectId: invitation.id,
        summary: { email, role: input.role },
      });
      return invitation;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate();
    throw error;
  }
}

export async function revokeInvitation(ctx: Context, globalId: string): Promise<Invitation> {
  const { actor, organisationId } = activeAdmin(ctx);
  const id = parseGlobalId(globalId, Invitation.typename, ['id']);
  return ctx.em.transactional(async (em) => {
    const invitation = await em.findOne(Invitation, { id, organisationId });
    if (!invitation) throw notFound();
    if (invitation.status !== InvitationStatus.PENDING) {
      throw conflict({
        ru: 'Приглашение уже принято или отозвано',
        en: 'The invitation was already accepted or revoked',
      });
    }
    invitation.status = InvitationStatus.REVOKED;
    invitation.decidedAt = ctx.now();
    recordAudit(em, actor, { organisationId, action: 'invitation.revoked', objectType: 'Invitation', objectId: id });
    return invitation;
  });
}

/** Locks the organisation's ADMIN rows and says whether `member` is the only one left. */
async function isLastAdmin(em: EntityManager, member: Member): Promise<boolean> {
  if (member.role !== MemberRole.ADMIN) return false;
  const admins = await em.execute<Array<{ id: string }>>(
    `select id from member where organisation_id = ? and role = 'ADMIN' for update`,
    [member.organisationId],
  );
  return admins.length <= 1;
}

export async function changeMemberRole(ctx: Context, input: ChangeMemberRoleInput): Promise<Member> {
  const { actor, organisationId } = activeAdmin(ctx);
  const id = parseGlobalId(input.memberId, Member.typename, ['input', 'memberId']);
  return ctx.em.transactional(async (em) => {
    const member = await em.findOne(Member, { id, organisationId });
    if (!member) throw notFound();
    if (member.role === input.role) return member;
    if (await isLastAdmin(em, member)) throw lastAdmin();
    recordAudit(em, actor, {
      organisationId,
      action: 'member.role_changed',
      objectType: 'Member',
      objectId: id,
      summary: { from: member.role, to: input.role },
    });
    member.role = input.role;
    return member;
  });
}

export async function removeMember(ctx: Context, globalId: string): Promise<Member> {
  const actor = requireAuthenticated(ctx.actor);
  const id = parseGlobalId(globalId, Member.typename, ['memberId']);
  return ctx.em.transactional(async (em) => {
    const member = await em.findOne(Member, { id });
    if (!member || !actor.memberships.some((m) => m.organisationId === member.organisationId)) throw notFound();
    if (!canRemoveMember(actor, member)) throw onlyAdmins();
    // Leaving an organisation other than the active one acts for that organisation.
    await switchTenantInTransaction(em, member.organisationId);
    if (await isLastAdmin(em, member)) throw lastAdmin();
    em.remove(member);
    recordAudit(em, actor, {
      organisationId: member.organisationId,
      action: actor.subject === member.subject ? 'member.left' : 'member.removed',
      objectType: 'Member',
      objectId: id,
      summary: { role: member.role, displayName: member.displayName },
    });
    return member;
  });
}
