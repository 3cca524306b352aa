import type { EntityManager } from '@mikro-orm/postgresql';
import { claimVersion, staleVersion } from '../../common/db/claim-version.js';
import { conflict, forbidden, InputErrors, notFound } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import type { AuthenticatedActor } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { FeedbackMethod } from '../feedback-method/feedback-method.entity.js';
import { GroupMembership, GroupMembershipStatus } from '../thematic-group/group-membership.entity.js';
import { ThematicGroup } from '../thematic-group/thematic-group.entity.js';
import type { CreatePracticeInput, PracticeVersionInput, UpdatePracticeInput } from './dto/practice.input.js';
import { PracticeRevision } from './practice-revision.entity.js';
import { Practice, PracticeMethod } from './practice.entity.js';
import { PracticeStatus } from './practice.enums.js';
import { canEditPractice, canWritePractices } from './practice.policy.js';
import { mergeContent, validateForPublish, validateShape, type PracticeDraft } from './practice.validators.js';

const practiceNotFound = () => notFound({ ru: 'Практика не найдена', en: 'Practice not found' });
const onlyWriters = () =>
  forbidden({
    ru: 'Практики пишут редакторы и администраторы организации',
    en: 'Only EDITORs and ADMINs of the organisation write practices',
  });
const stale = staleVersion;

function writer(ctx: Context): AuthenticatedActor & { active: NonNullable<AuthenticatedActor['active']> } {
  const actor = requireAuthenticated(ctx.actor);
  if (!canWritePractices(actor) || !actor.active) throw onlyWriters();
  return actor as AuthenticatedActor & { active: NonNullable<AuthenticatedActor['active']> };
}

/** The organisation may publish only in groups it is an ACTIVE member of. */
async function requireActiveMembership(em: EntityManager, organisationId: string, groupId: string, field: string[]) {
  const active = await em.count(GroupMembership, { organisationId, groupId, status: GroupMembershipStatus.ACTIVE });
  if (!active) {
    throw forbidden(
      {
        ru: 'Организация не состоит в этой тематической группе',
        en: 'The organisation is not an ACTIVE member of this thematic group',
      },
      field,
    );
  }
}

/** Catalogue ids for method keys; unknown keys are a field error. */
async function resolveMethods(em: EntityManager, keys: string[], errors: InputErrors): Promise<FeedbackMethod[]> {
  if (!keys.length) return [];
  const methods = await em.find(FeedbackMethod, { key: { $in: keys } });
  const known = new Set(methods.map((m) => m.key));
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length) {
    errors.add(['input', 'content', 'methodKeys'], {
      ru: `Нет таких методов в каталоге: ${unknown.join(', ')}`,
      en: `Not in the methods catalogue: ${unknown.join(', ')}`,
    });
  }
  return keys.flatMap((k) => methods.filter((m) => m.key === k));
}

async function loadOwnPractice(
  ctx: Context,
  actor: AuthenticatedActor,
  globalId: string,
  field: string[],
): Promise<Practice> {
  const practice = await ctx.em.findOne(Practice, { id: parseGlobalId(globalId, Practice.typename, field) });
  if (!practice) throw practiceNotFound();
  if (!canEditPractice(actor, practice)) {
    throw forbidden({
      ru: 'Эту практику может менять только её организация',
      en: 'Only its own organisation can change this practice',
    });
  }
  return practice;
}

async function methodKeysOf(em: EntityManager, practiceId: string): Promise<string[]> {
  const rows = await em.execute<Array<{ key: string }>>(
    `select fm.key from practice_method pm join feedback_method fm on fm.id = pm.method_id where pm.practice_id = ? order by pm.position`,
    [practiceId],
  );
  return rows.map((r) => r.key);
}

function writeMethods(em: EntityManager, practice: Practice, methods: FeedbackMethod[]) {
  methods.forEach((method, position) =>
    em.create(PracticeMethod, {
      practiceId: practice.id,
      methodId: method.id,
      organisationId: practice.organisationId,
      position,
    }),
  );
}

function addRevision(
  em: EntityManager,
  practice: Practice,
  draft: PracticeDraft,
  actor: AuthenticatedActor,
): PracticeRevision {
  practice.revisionNumber += 1;
  return em.create(PracticeRevision, {
    organisationId: practice.organisationId,
    practiceId: practice.id,
    number: practice.revisionNumber,
    title: draft.title,
    summary: draft.summary,
    content: draft.data,
    methodKeys: draft.methodKeys,
    createdBy: actor.subject,
  });
}

export async function createPractice(ctx: Context, input: CreatePracticeInput): Promise<Practice> {
  const actor = writer(ctx);
  const organisationId = actor.active.organisationId;
  const groupId = parseGlobalId(input.groupId, ThematicGroup.typename, ['input', 'groupId']);
  if (!(await ctx.em.count(ThematicGroup, { id: groupId }))) {
    throw notFound({ ru: 'Тематическая группа не найдена', en: 'Thematic group not found' });
  }
  await requireActiveMembership(ctx.em, organisationId, groupId, ['input', 'groupId']);
  const draft = mergeContent({ title: '', summary: '', data: {}, methodKeys: [] }, input.content);
  const errors = new InputErrors();
  validateShape(draft, errors);
  const methods = await resolveMethods(ctx.em, draft.methodKeys, errors);
  errors.throwIfAny();
  return ctx.em.transactional(async (em) => {
    const practice = em.create(Practice, {
      organisationId,
      groupId,
      title: draft.title,
      summary: draft.summary,
      content: draft.data,
      createdBy: actor.subject,
    });
    await em.flush();
    writeMethods(em, practice, methods);
    recordAudit(em, actor, {
      organisationId,
      action: 'practice.created',
      objectType: 'Practice',
      objectId: practice.id,
      summary: { title: draft.title },
    });
    return practice;
  });
}

/** Edits a practice; on a published one the edit is published at once as a new revision. */
export async function updatePractice(ctx: Context, input: UpdatePracticeInput): Promise<Practice> {
  const actor = writer(ctx);
  const practice = await loadOwnPractice(ctx, actor, input.practiceId, ['input', 'practiceId']);
  if (practice.version !== input.version) throw stale();
  const current: PracticeDraft = {
    title: practice.title,
    summary: practice.summary,
    data: practice.content,
    methodKeys: await methodKeysOf(ctx.em, practice.id),
  };
  const draft = mergeContent(current, input.content);
  const errors = new InputErrors();
  validateShape(draft, errors);
  if (practice.status !== PracticeStatus.DRAFT) validateForPublish(draft, errors);
  const methods = await resolveMethods(ctx.em, draft.methodKeys, errors);
  errors.throwIfAny();
  return ctx.em.transactional(async (em) => {
    practice.version = await claimVersion(em, 'practice', practice.id, input.version);
    em.assign(practice, { title: draft.title, summary: draft.summary, content: draft.data });
    if (draft.methodKeys.join() !== current.methodKeys.join()) {
      await em.nativeDelete(PracticeMethod, { practiceId: practice.id });
      writeMethods(em, practice, methods);
    }
    const revision = practice.status === PracticeStatus.DRAFT ? undefined : addRevision(em, practice, draft, actor);
    recordAudit(em, actor, {
      organisationId: practice.organisationId,
      action: 'practice.updated',
      objectType: 'Practice',
      objectId: practice.id,
      summary: {
        fields: Object.keys(input.content).filter((k) => (input.content as Record<string, unknown>)[k] !== undefined),
        revision: revision?.number ?? null,
      },
    });
    return practice;
  });
}

export async function publishPractice(ctx: Context, input: PracticeVersionInput): Promise<Practice> {
  const actor = writer(ctx);
  const practice = await loadOwnPractice(ctx, actor, input.practiceId, ['input', 'practiceId']);
  if (practice.version !== input.version) throw stale();
  if (practice.status === PracticeStatus.PUBLISHED) {
    throw conflict({ ru: 'Практика уже опубликована', en: 'The practice is already published' });
  }
  await requireActiveMembership(ctx.em, practice.organisationId, practice.groupId, ['input', 'practiceId']);
  const draft: PracticeDraft = {
    title: practice.title,
    summary: practice.summary,
    data: practice.content,
    methodKeys: await methodKeysOf(ctx.em, practice.id),
  };
  const errors = new InputErrors();
  validateShape(draft, errors);
  validateForPublish(draft, errors);
  errors.throwIfAny();
  const wasArchived = practice.status === PracticeStatus.ARCHIVED;
  return ctx.em.transactional(async (em) => {
    practice.version = await claimVersion(em, 'practice', practice.id, input.version);
    practice.status = PracticeStatus.PUBLISHED;
    practice.archivedAt = null;
    practice.publishedAt ??= ctx.now();
    if (!wasArchived) addRevision(em, practice, draft, actor);
    recordAudit(em, actor, {
      organisationId: practice.organisationId,
      action: wasArchived ? 'practice.republished' : 'practice.published',
      objectType: 'Practice',
      objectId: practice.id,
      summary: { revision: practice.revisionNumber },
    });
    em.persist(practice);
    return practice;
  });
}

export async function archivePractice(ctx: Context, input: PracticeVersionInput): Promise<Practice> {
  const actor = writer(ctx);
  const practice = await loadOwnPractice(ctx, actor, input.practiceId, ['input', 'practiceId']);
  if (practice.version !== input.version) throw stale();
  if (practice.status !== PracticeStatus.PUBLISHED) {
    throw conflict({
      ru: 'В архив можно отправить только опубликованную практику',
      en: 'Only a published practice can be archived',
    });
  }
  return ctx.em.transactional(async (em) => {
    practice.version = await claimVersion(em, 'practice', practice.id, input.version);
    practice.status = PracticeStatus.ARCHIVED;
    practice.archivedAt = ctx.now();
    recordAudit(em, actor, {
      organisationId: practice.organisationId,
      action: 'practice.archived',
      objectType: 'Practice',
      objectId: practice.id,
    });
    em.persist(practice);
    return practice;
  });
}
