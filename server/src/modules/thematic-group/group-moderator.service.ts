import { badInput, forbidden, notFound } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import { isEmail } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import type { GroupModeratorInput } from './dto/thematic-group.input.js';
import { GroupModerator, ThematicGroup } from './thematic-group.entity.js';
import { canCreateThematicGroup } from './thematic-group.policy.js';

async function prepare(ctx: Context, input: GroupModeratorInput) {
  const actor = requireAuthenticated(ctx.actor);
  if (!canCreateThematicGroup(actor)) {
    throw forbidden({
      ru: 'Назначать модераторов может только администратор платформы',
      en: 'Only platform admins assign moderators',
    });
  }
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) {
    throw badInput(['input', 'email'], {
      ru: 'Укажите корректный адрес электронной почты',
      en: 'Enter a valid e-mail address',
    });
  }
  const group = await ctx.em.findOne(ThematicGroup, {
    id: parseGlobalId(input.groupId, ThematicGroup.typename, ['input', 'groupId']),
  });
  if (!group) throw notFound({ ru: 'Тематическая группа не найдена', en: 'Thematic group not found' });
  return { actor, email, group };
}

/** Names a person (by the e-mail they sign in with) a moderator of one group; idempotent. */
export async function addGroupModerator(ctx: Context, input: GroupModeratorInput): Promise<ThematicGroup> {
  const { actor, email, group } = await prepare(ctx, input);
  await ctx.em.transactional(async (em) => {
    if (await em.findOne(GroupModerator, { groupId: group.id, email })) return;
    em.create(GroupModerator, { groupId: group.id, email, addedBy: actor.subject });
    recordAudit(em, actor, {
      organisationId: null,
      action: 'group_moderator.added',
      objectType: 'ThematicGroup',
      objectId: group.id,
      summary: { email },
    });
  });
  ctx.loaders.groupModerators.clear();
  return group;
}

export async function removeGroupModerator(ctx: Context, input: GroupModeratorInput): Promise<ThematicGroup> {
  const { actor, email, group } = await prepare(ctx, input);
  await ctx.em.transactional(async (em) => {
    const moderator = await em.findOne(GroupModerator, { groupId: group.id, email });
    if (!moderator)
      throw notFound({ ru: 'Этот человек не модератор группы', en: 'This person is not a moderator of the group' });
    em.remove(moderator);
    recordAudit(em, actor, {
      organisationId: null,
      action: 'group_moderator.removed',
      objectType: 'ThematicGroup',
      objectId: group.id,
      summary: { email },
    });
  });
  ctx.loaders.groupModerators.clear();
  return group;
}
