import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { claimVersion } from '../../common/db/claim-version.js';
import { badInput, conflict, forbidden, InputErrors, notFound } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import { type AuthenticatedActor, hasPlatformRole } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import { isHttpUrl } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { MemberRole, PlatformRole } from '../member/member-role.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { snapshotCompliance } from './compliance.service.js';
import type { DecideDisclosureInput, DiscloseInput } from './dto/openness.types.js';
import { Disclosure, DisclosureStatus, OpennessStandard } from './openness.entities.js';
import { findStandard } from './standard.service.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const disclosureNotFound = () => notFound({ ru: 'Раскрытие не найдено', en: 'Disclosure not found' });

/** Checks the evidence a criterion asks for; returns the normalised values. */
export function checkEvidence(input: DiscloseInput, evidence: string, now: Date) {
  const errors = new InputErrors();
  const url = input.evidenceUrl?.trim() || null;
  const text = input.evidenceText?.trim() || null;
  const number = input.evidenceNumber ?? null;
  if (url && !isHttpUrl(url)) {
    errors.add(['input', 'evidenceUrl'], {
      ru: 'Ссылка должна начинаться с http:// или https://',
      en: 'The link must be an http:// or https:// address',
    });
  }
  if ((evidence === 'URL' || evidence === 'DOCUMENT') && !url) {
    errors.add(['input', 'evidenceUrl'], {
      ru: 'Дайте ссылку, где это опубликовано',
      en: 'Give the address where it is published',
    });
  }
  if (evidence === 'TEXT' && !text)
    errors.add(['input', 'evidenceText'], { ru: 'Опишите, что раскрыто', en: 'Describe what is disclosed' });
  if (['NUMBER', 'COUNT', 'SHARE'].includes(evidence)) {
    if (number === null || !Number.isFinite(number)) {
      errors.add(['input', 'evidenceNumber'], { ru: 'Нужно число', en: 'A number is required' });
    } else if (evidence === 'COUNT' && (number < 0 || !Number.isInteger(number))) {
      errors.add(['input', 'evidenceNumber'], {
        ru: 'Количество — целое число не меньше нуля',
        en: 'A count is a whole number, 0 or more',
      });
    } else if (evidence === 'SHARE' && (number < 0 || number > 1)) {
      errors.add(['input', 'evidenceNumber'], { ru: 'Доля — число от 0 до 1', en: 'A share is a number from 0 to 1' });
    }
  }
  if (text && text.length > 5000)
    errors.add(['input', 'evidenceText'], { ru: 'Не длиннее 5000 символов', en: 'At most 5,000 characters' });
  const asOf = input.asOf.trim();
  const date = new Date(`${asOf}T00:00:00Z`);
  if (!DATE.test(asOf) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== asOf) {
    errors.add(['input', 'asOf'], { ru: 'Дата в формате ГГГГ-ММ-ДД', en: 'A date as YYYY-MM-DD' });
  } else if (date.getTime() > now.getTime()) {
    errors.add(['input', 'asOf'], { ru: 'Дата не может быть в будущем', en: 'The date cannot be in the future' });
  }
  errors.throwIfAny();
  return { url, text, number, asOf };
}

/** Claims a criterion (again): new evidence sends a rejected or outdated disclosure back to verification. */
export async function disclose(ctx: Context, input: DiscloseInput): Promise<Disclosure> {
  const actor = requireAuthenticated(ctx.actor);
  const active = actor.active;
  if (!active || (active.role !== MemberRole.ADMIN && active.role !== MemberRole.EDITOR)) {
    throw forbidden({
      ru: 'Раскрывают информацию администраторы и редакторы организации',
      en: 'Only ADMINs and EDITORs of an organisation disclose',
    });
  }
  const organisation = await ctx.em.findOneOrFail(Organisation, { id: active.organisationId });
  const standard = await findStandard(ctx.em, input.standardKey);
  if (!standard.appliesTo.includes(organisation.kind)) {
    throw badInput(['input', 'standardKey'], {
      ru: 'Этот стандарт не применяется к вашей организации',
      en: 'This standard does not apply to your organisation',
    });
  }
  const criterion = standard.definition.sections.flatMap((s) => s.criteria).find((c) => c.key === input.criterionKey);
  if (!criterion || (criterion.appliesTo && !criterion.appliesTo.includes(organisation.kind))) {
    throw badInput(['input', 'criterionKey'], {
      ru: 'Такого критерия нет или он не применяется к вашей организации',
      en: 'No such criterion, or it does not apply to your organisation',
    });
  }
  const evidence = checkEvidence(input, criterion.evidence, ctx.now());
  if (input.answer && input.answer.trim().length > 2000) {
    throw badInput(['input', 'answer'], {
      ru: 'Ответ — не длиннее 2000 символов',
      en: 'An answer is at most 2,000 characters',
    });
  }
  try {
    return await ctx.em.transactional(async (em) => {
      // Locked, so a claim and a decision on the same disclosure never pass each other.
      const existing = await em.findOne(
        Disclosure,
        { organisationId: organisation.id, standardId: standard.id, criterionKey: criterion.key },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const disclosure =
        existing ??
        em.create(Disclosure, {
          organisationId: organisation.id,
          standardId: standard.id,
          criterionKey: criterion.key,
          asOf: evidence.asOf,
          submittedBy: actor.subject,
        });
      if (existing) existing.version += 1;
      em.assign(disclosure, {
        status: DisclosureStatus.CLAIMED,
        evidenceUrl: evidence.url,
        evidenceText: evidence.text,
        evidenceNumber: evidence.number,
        asOf: evidence.asOf,
        submittedBy: actor.subject,
        answer: input.answer?.trim() || null,
        decidedBy: null,
        decidedByOrganisationId: null,
        decidedAt: null,
      });
      await em.flush();
      if (existing) await snapshotCompliance(em, organisation, standard, ctx.now());
      recordAudit(em, actor, {
        organisationId: organisation.id,
        action: existing ? 'disclosure.reclaimed' : 'disclosure.claimed',
        objectType: 'Disclosure',
        objectId: disclosure.id,
        summary: { standard: standard.key, version: standard.version, criterion: criterion.key },
      });
      return disclosure;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict({
        ru: 'Раскрытие по этому критерию уже подано',
        en: 'A disclosure for this criterion was just made',
      });
    }
    throw error;
  }
}

/** Moderators, or ADMINs of another organisation sharing an ACTIVE thematic group; never the organisation itself. */
export async function canVerify(ctx: Context, actor: AuthenticatedActor, organisationId: string): Promise<boolean> {
  if (
    actor.active?.organisationId === organisationId ||
    actor.memberships.some((m) => m.organisationId === organisationId)
  )
    return false;
  if (hasPlatformRole(actor, PlatformRole.PLATFORM_ADMIN, PlatformRole.MODERATOR)) return true;
  if (actor.active?.role !== MemberRole.ADMIN) return false;
  const [mine, theirs] = await Promise.all([
    ctx.loaders.activeGroupIds.load(actor.active.organisationId),
    ctx.loaders.activeGroupIds.load(organisationId),
  ]);
  const groups = new Set(mine ?? []);
  return (theirs ?? []).some((g) => groups.has(g));
}

export async function decideDisclosure(
  ctx: Context,
  input: DecideDisclosureInput,
  verdict: DisclosureStatus.VERIFIED | DisclosureStatus.REJECTED,
): Promise<Disclosure> {
  const actor = requireAuthenticated(ctx.actor);
  const id = parseGlobalId(input.disclosureId, Disclosure.typename, ['input', 'disclosureId']);
  const reason = input.reason?.trim() ?? '';
  if (verdict === DisclosureStatus.REJECTED && (reason.length < 3 || reason.length > 1000)) {
    throw badInput(['input', 'reason'], {
      ru: 'Укажите причину отказа (3–1000 символов)',
      en: 'Give a reason (3–1,000 characters)',
    });
  }
  const disclosure = await ctx.em.findOne(Disclosure, { id });
  if (!disclosure) throw disclosureNotFound();
  if (!(await canVerify(ctx, actor, disclosure.organisationId))) {
    throw forbidden({
      ru: 'Подтверждают модераторы или администраторы других организаций из общей тематической группы — не сама организация',
      en: 'Moderators or ADMINs of another organisation in a shared thematic group verify — never the organisation itself',
    });
  }
  if (disclosure.status !== DisclosureStatus.CLAIMED) {
    throw conflict({ ru: 'По этому раскрытию уже принято решение', en: 'This disclosure has already been decided' });
  }
  return ctx.em.transactional(async (em) => {
    disclosure.version = await claimVersion(em, 'disclosure', disclosure.id, input.version);
    em.assign(disclosure, {
      status: verdict,
      decidedBy: actor.subject,
      decidedByOrganisationId: actor.active?.organisationId ?? null,
      decidedAt: ctx.now(),
      rejectionReason: verdict === DisclosureStatus.REJECTED ? reason : null,
    });
    em.persist(disclosure);
    await em.flush();
    const [organisation, standard] = await Promise.all([
      em.findOneOrFail(Organisation, { id: disclosure.organisationId }),
      em.findOneOrFail(OpennessStandard, { id: disclosure.standardId }),
    ]);
    await snapshotCompliance(em, organisation, standard, ctx.now());
    recordAudit(em, actor, {
      organisationId: actor.active?.organisationId ?? null,
      action: verdict === DisclosureStatus.VERIFIED ? 'disclosure.verified' : 'disclosure.rejected',
      objectType: 'Disclosure',
      objectId: disclosure.id,
      summary: {
        organisationId: disclosure.organisationId,
        criterion: disclosure.criterionKey,
        reason: reason || undefined,
      },
    });
    return disclosure;
  });
}
