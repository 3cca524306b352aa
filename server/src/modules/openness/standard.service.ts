import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, forbidden, InputErrors, notFound } from '../../common/errors/domain-error.js';
import type { Locale } from '../../common/i18n/locale.js';
import { hasPlatformRole } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { PlatformRole } from '../member/member-role.js';
import type { OrganisationKind } from '../organisation/organisation.entity.js';
import type { Criterion, CriterionChange, StandardLevel, StandardSection } from './dto/openness.types.js';
import { OpennessStandard } from './openness.entities.js';
import { standardSchema, type StandardDefinition } from './standard.definition.js';

const standardNotFound = () => notFound({ ru: 'Стандарт не найден', en: 'Standard not found' });

/** The latest version of every standard. */
export async function latestStandards(em: EntityManager): Promise<OpennessStandard[]> {
  const rows = await em.execute<Array<{ id: string }>>(
    'select distinct on (key) id from openness_standard order by key, version desc',
  );
  return rows.length
    ? em.find(OpennessStandard, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { key: 'asc' } })
    : [];
}

export async function findStandard(em: EntityManager, key: string, version?: number | null): Promise<OpennessStandard> {
  const standard = version
    ? await em.findOne(OpennessStandard, { key, version })
    : await em.findOne(OpennessStandard, { key }, { orderBy: { version: 'desc' } });
  if (!standard) throw standardNotFound();
  return standard;
}

/** The latest version of the standard that applies to a kind of organisation, if any. */
export async function standardForKind(em: EntityManager, kind: OrganisationKind): Promise<OpennessStandard | null> {
  const standards = await latestStandards(em);
  return standards.find((s) => s.appliesTo.includes(kind)) ?? null;
}

export const localized = (locale: Locale, ru: string, en: string) => (locale === 'en' ? en : ru);

export function criteriaOf(standard: OpennessStandard, locale: Locale): Criterion[] {
  const d = standard.definition;
  return d.sections.flatMap((section) =>
    section.criteria.map((c) => ({
      key: c.key,
      title: localized(locale, c.titleRu, c.titleEn),
      description: localized(locale, c.descriptionRu, c.descriptionEn),
      weight: c.weight,
      mandatory: c.mandatory,
      appliesTo: (c.appliesTo ?? d.appliesTo) as OrganisationKind[],
      freshnessMonths: c.freshnessMonths ?? null,
      evidence: c.evidence as Criterion['evidence'],
      nokRole: c.nok ?? null,
      sectionKey: section.key,
    })),
  );
}

export function sectionsOf(standard: OpennessStandard, locale: Locale): StandardSection[] {
  const criteria = criteriaOf(standard, locale);
  return standard.definition.sections.map((s) => ({
    key: s.key,
    title: localized(locale, s.titleRu, s.titleEn),
    criteria: criteria.filter((c) => c.sectionKey === s.key),
  }));
}

export function levelsOf(standard: OpennessStandard, locale: Locale): StandardLevel[] {
  return standard.definition.levels.map((l) => ({
    key: l.key,
    title: localized(locale, l.titleRu, l.titleEn),
    requires: l.requires,
  }));
}

/** Criteria added, removed or changed between two versions. */
export function diffStandards(before: StandardDefinition, after: StandardDefinition): CriterionChange[] {
  const flat = (d: StandardDefinition) =>
    new Map(d.sections.flatMap((s) => s.criteria.map((c) => [c.key, { ...c, section: s.key }] as const)));
  const a = flat(before);
  const b = flat(after);
  const changes: CriterionChange[] = [];
  for (const [key, c] of b) {
    const old = a.get(key);
    if (!old) {
      changes.push({ key, change: 'ADDED', properties: [] });
      continue;
    }
    const properties = (Object.keys({ ...old, ...c }) as Array<keyof typeof c>).filter(
      (p) => JSON.stringify(old[p]) !== JSON.stringify(c[p]),
    );
    if (properties.length) changes.push({ key, change: 'CHANGED', properties: properties.map(String).sort() });
  }
  for (const key of a.keys()) if (!b.has(key)) changes.push({ key, change: 'REMOVED', properties: [] });
  return changes;
}

/** Inserts a standard version; used by seeds (as the owner) and by platform admins. */
export function insertStandard(
  em: EntityManager,
  definition: StandardDefinition,
  publishedBy: string,
): OpennessStandard {
  return em.create(OpennessStandard, {
    key: definition.key,
    version: definition.version,
    formula: definition.formula,
    appliesTo: definition.appliesTo,
    definition,
    publishedBy,
  });
}

export async function publishStandard(ctx: Context, raw: Record<string, unknown>): Promise<OpennessStandard> {
  const actor = requireAuthenticated(ctx.actor);
  if (!hasPlatformRole(actor, PlatformRole.PLATFORM_ADMIN)) {
    throw forbidden({
      ru: 'Публиковать стандарты может только администратор платформы',
      en: 'Only platform admins publish standards',
    });
  }
  const parsed = standardSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = new InputErrors();
    for (const issue of parsed.error.issues) {
      errors.add(['input', 'definition', ...issue.path.map(String)], { ru: issue.message, en: issue.message });
    }
    throw errors;
  }
  const definition = parsed.data;
  const latest = await ctx.em.findOne(OpennessStandard, { key: definition.key }, { orderBy: { version: 'desc' } });
  const expected = (latest?.version ?? 0) + 1;
  const outOfOrder = () =>
    conflict(
      { ru: `Следующая версия этого стандарта — ${expected}`, en: `The next version of this standard is ${expected}` },
      ['input', 'definition', 'version'],
    );
  if (definition.version !== expected) throw outOfOrder();
  try {
    return await ctx.em.transactional(async (em) => {
      const standard = insertStandard(em, definition, actor.subject);
      await em.flush();
      recordAudit(em, actor, {
        organisationId: null,
        action: 'standard.published',
        objectType: 'OpennessStandard',
        objectId: standard.id,
        summary: { key: definition.key, version: definition.version },
      });
      return standard;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw outOfOrder();
    throw error;
  }
}
