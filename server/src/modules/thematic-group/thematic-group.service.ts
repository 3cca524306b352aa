import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, conflict, forbidden, InputErrors, notFound } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import { keysetPage } from '../../common/graphql/keyset-page.js';
import { decodeCursor, pageSize, type PageArgs } from '../../common/graphql/pagination.js';
import { activeOrganisationId } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import { switchTenantInTransaction } from '../../common/tenancy/session.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { Member } from '../member/member.entity.js';
import { MemberRole } from '../member/member-role.js';
import { NotificationKind } from '../notification/notification.entity.js';
import { notify } from '../notification/notification.service.js';
import { canSeeOrganisationPrivate } from '../organisation/organisation.policy.js';
import { messages } from '../organisation/organisation.validators.js';
import { isValidSlug } from '../../common/validation.js';
import type { CreateThematicGroupInput, RejectGroupMembershipInput } from './dto/thematic-group.input.js';
import { GroupMembership, GroupMembershipStatus } from './group-membership.entity.js';
import { firstPageKey } from './group-membership.loader.js';
import { GroupModerator, JoinPolicy, ThematicGroup } from './thematic-group.entity.js';
import { canCreateThematicGroup, canManageGroupMembership, canModerateGroup } from './thematic-group.policy.js';

const groupNotFound = () => notFound({ ru: 'Тематическая группа не найдена', en: 'Thematic group not found' });
const membershipNotFound = () => notFound({ ru: 'Заявка на участие не найдена', en: 'Group membership not found' });
const onlyAdmins = () =>
  forbidden({
    ru: 'Вступать в группы и выходить из них может только администратор организации',
    en: 'Only the organisation’s ADMIN can join or leave groups',
  });
const onlyModerators = () =>
  forbidden({
    ru: 'Решение по заявке принимает модератор группы',
    en: 'Only a moderator of the group can decide on requests',
  });

export async function createThematicGroup(ctx: Context, raw: CreateThematicGroupInput): Promise<ThematicGroup> {
  const actor = requireAuthenticated(ctx.actor);
  if (!canCreateThematicGroup(actor)) {
    throw forbidden({
      ru: 'Создавать группы может только администратор платформы',
      en: 'Only platform admins can create groups',
    });
  }
  const input = {
    ...raw,
    slug: raw.slug.trim().toLowerCase(),
    titleRu: raw.titleRu.trim(),
    titleEn: raw.titleEn.trim(),
    descriptionRu: raw.descriptionRu.trim(),
    descriptionEn: raw.descriptionEn.trim(),
  };
  const errors = new InputErrors();
  if (!isValidSlug(input.slug)) errors.add(['input', 'slug'], messages.slug);
  for (const [field, max] of [
    ['titleRu', 200],
    ['titleEn', 200],
    ['descriptionRu', 5000],
    ['descriptionEn', 5000],
  ] as const) {
    if (!input[field])
      errors.add(['input', field], messages.required(field.startsWith('title') ? 'название' : 'описание', field));
    else if (input[field].length > max) errors.add(['input', field], messages.tooLong(max));
  }
  errors.throwIfAny();
  const taken = () => conflict(messages.slugTaken, ['input', 'slug']);
  if (await ctx.em.count(ThematicGroup, { slug: input.slug })) throw taken();
  try {
    return await ctx.em.transactional(async (em) => {
      const group = em.create(ThematicGroup, input);
      await em.flush();
      recordAudit(em, actor, {
        organisationId: null,
        action: 'thematic_group.created',
        objectType: 'ThematicGroup',
        objectId: group.id,
        summary: { slug: group.slug },
      });
      return group;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw taken();
    throw error;
  }
}

export function listThematicGroups(ctx: Context, args: PageArgs) {
  return keysetPage(ctx.em, ThematicGroup, {}, args, { column: 'titleRu' });
}

export function findThematicGroupBySlug(ctx: Context, slug: string): Promise<ThematicGroup | null> {
  return ctx.em.findOne(ThematicGroup, { slug });
}

export async function groupModerators(ctx: Context, groupId: string): Promise<string[]> {
  return (await ctx.loaders.groupModerators.load(groupId)) ?? [];
}

/** Memberships of a group; PENDING and REJECTED ones only for moderators (others see their own). */
export async function listGroupMemberships(
  ctx: Context,
  group: ThematicGroup,
  status: GroupMembershipStatus | undefined,
  args: PageArgs,
) {
  const size = pageSize(args);
  const after = decodeCursor(args.after);
  const moderator = canModerateGroup(ctx.actor, await groupModerators(ctx, group.id));
  if (!after) {
    return ctx.loaders.membershipFirstPage.loadOrFail(
      firstPageKey({ parent: 'group_id', parentId: group.id, status, size, seesAll: moderator }),
      'membership page',
    );
  }
  const own = activeOrganisationId(ctx.actor);
  const visibility = moderator
    ? {}
    : { $or: [{ status: GroupMembershipStatus.ACTIVE }, ...(own ? [{ organisationId: own }] : [])] };
  const where = { groupId: group.id, ...(status ? { status } : {}), ...visibility };
  return keysetPage(ctx.em, GroupMembership, where, args, { column: 'requestedAt', date: true });
}

/** An organisation's memberships: ACTIVE ones publicly, all of them for its own members. */
export async function listOrganisationGroupMemberships(ctx: Context, organisationId: string, args: PageArgs) {
  const size = pageSize(args);
  const after = decodeCursor(args.after);
  const seesAll = canSeeOrganisationPrivate(ctx.actor, organisationId);
  if (!after) {
    return ctx.loaders.membershipFirstPage.loadOrFail(
      firstPageKey({ parent: 'organisation_id', parentId: organisationId, size, seesAll }),
      'membership page',
    );
  }
  const where = { organisationId, ...(seesAll ? {} : { status: GroupMembershipStatus.ACTIVE }) };
  return keysetPage(ctx.em, GroupMembership, where, args, { column: 'requestedAt', date: true });
}

async function findGroup(ctx: Context, globalId: string, field: string[]): Promise<ThematicGroup> {
  const group = await ctx.em.findOne(ThematicGroup, { id: parseGlobalId(globalId, ThematicGroup.typename, field) });
  if (!group) throw groupNotFound();
  return group;
}

export async function requestGroupMembership(ctx: Context, groupGlobalId: string): Promise<GroupMembership> {
  const actor = requireAuthenticated(ctx.actor);
  if (!canManageGroupMembership(actor)) throw onlyAdmins();
  const organisationId = actor.active!.organisationId;
  const group = await findGroup(ctx, groupGlobalId, ['groupId']);
  const duplicate = () =>
    conflict(
      {
        ru: 'Организация уже состоит в группе или ждёт решения',
        en: 'The organisation is already a member or awaiting a decision',
      },
      ['groupId'],
    );
  if (
    await ctx.em.count(GroupMembership, {
      organisationId,
      groupId: group.id,
      status: { $in: [GroupMembershipStatus.PENDING, GroupMembershipStatus.ACTIVE] },
    })
  ) {
    throw duplicate();
  }
  const open = group.joinPolicy === JoinPolicy.OPEN;
  try {
    return await ctx.em.transactional(async (em) => {
      const membership = em.create(GroupMembership, {
        organisationId,
        groupId: group.id,
        status: open ? GroupMembershipStatus.ACTIVE : GroupMembershipStatus.PENDING,
        requestedAt: ctx.now(),
        decidedAt: open ? ctx.now() : null,
      });
      await em.flush();
      recordAudit(em, actor, {
        organisationId,
        action: 'group_membership.requested',
        objectType: 'GroupMembership',
        objectId: membership.id,
        summary: { group: group.slug, status: membership.status },
      });
      return membership;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate();
    throw error;
  }
}

async function decide(
  ctx: Context,
  globalId: string,
  field: string[],
  apply: (membership: GroupMembership) => Record<string, unknown>,
): Promise<GroupMembership> {
  const actor = requireAuthenticated(ctx.actor);
  const id = parseGlobalId(globalId, GroupMembership.typename, field);
  return ctx.em.transactional(async (em) => {
    const membership = await em.findOne(GroupMembership, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!membership) throw membershipNotFound();
    const moderators = await em.find(GroupModerator, { groupId: membership.groupId });
    if (
      !canModerateGroup(
        actor,
        moderators.map((m) => m.email),
      )
    ) {
      // A non-moderator sees no more than the public does.
      if (
        membership.status !== GroupMembershipStatus.ACTIVE &&
        membership.organisationId !== actor.active?.organisationId
      )
        throw membershipNotFound();
      throw onlyModerators();
    }
    if (actor.memberships.some((m) => m.organisationId === membership.organisationId)) {
      throw forbidden({
        ru: 'Нельзя решать по заявке своей организации (конфликт интересов)',
        en: 'You cannot decide on your own organisation’s request (conflict of interest)',
      });
    }
    if (membership.status !== GroupMembershipStatus.PENDING) {
      throw conflict({ ru: 'По этой заявке решение уже принято', en: 'This request has already been decided' });
    }
    const summary = apply(membership);
    membership.decidedAt = ctx.now();
    membership.decidedBy = actor.subject;
    // The decision is written into the requesting organisation's activity log.
    await switchTenantInTransaction(em, membership.organisationId);
    const [admins, group] = await Promise.all([
      em.find(Member, { organisationId: membership.organisationId, role: MemberRole.ADMIN }),
      em.findOneOrFail(ThematicGroup, { id: membership.groupId }),
    ]);
    await notify(
      em,
      actor,
      admins.map((a) => a.subject),
      NotificationKind.MEMBERSHIP_DECIDED,
      {
        groupSlug: group.slug,
        groupTitleRu: group.titleRu,
        groupTitleEn: group.titleEn,
        status: membership.status,
        reason: membership.rejectionReason ?? undefined,
      },
    );
    recordAudit(em, actor, {
      organisationId: membership.organisationId,
      action: `group_membership.${membership.status.toLowerCase()}`,
      objectType: 'GroupMembership',
      objectId: membership.id,
      summary,
    });
    return membership;
  });
}

export function approveGroupMembership(ctx: Context, globalId: string): Promise<GroupMembership> {
  return decide(ctx, globalId, ['membershipId'], (membership) => {
    membership.status = GroupMembershipStatus.ACTIVE;
    return {};
  });
}

export function rejectGroupMembership(ctx: Context, input: RejectGroupMembershipInput): Promise<GroupMembership> {
  requireAuthenticated(ctx.actor);
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 1000) {
    throw badInput(['input', 'reason'], {
      ru: 'Укажите причину отказа (3–1000 символов)',
      en: 'Give a reason (3–1000 characters)',
    });
  }
  return decide(ctx, input.membershipId, ['input', 'membershipId'], (membership) => {
    membership.status = GroupMembershipStatus.REJECTED;
    membership.rejectionReason = reason;
    return { reason };
  });
}

export async function leaveGroup(ctx: Context, groupGlobalId: string): Promise<GroupMembership> {
  const actor = requireAuthenticated(ctx.actor);
  if (!canManageGroupMembership(actor)) throw onlyAdmins();
  const organisationId = actor.active!.organisationId;
  const group = await findGroup(ctx, groupGlobalId, ['groupId']);
  return ctx.em.transactional(async (em) => {
    const membership = await em.findOne(
      GroupMembership,
      { organisationId, groupId: group.id, status: GroupMembershipStatus.ACTIVE },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!membership) {
      throw conflict(
        { ru: 'Организация не состоит в этой группе', en: 'The organisation is not an active member of this group' },
        ['groupId'],
      );
    }
    membership.status = GroupMembershipStatus.LEFT;
    membership.leftAt = ctx.now();
    recordAudit(em, actor, {
      organisationId,
      action: 'group_membership.left',
      objectType: 'GroupMembership',
      objectId: membership.id,
      summary: { group: group.slug },
    });
    return membership;
  });
}
