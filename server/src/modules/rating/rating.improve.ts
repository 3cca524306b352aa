import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchLoader } from '../../common/graphql/batch-loader.js';
import type { Locale } from '../../common/i18n/locale.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { computeCompliance, type ComplianceResult } from '../openness/compliance.engine.js';
import { latestStandards, localized } from '../openness/standard.service.js';
import type { OpennessStandard } from '../openness/openness.entities.js';
import type { OrganisationRating } from './rating.resolver.js';

export interface ComplianceWithStandard {
  standard: OpennessStandard;
  result: ComplianceResult;
}

/** Compliance of many organisations with their kind's standard, in three statements (verified disclosures only). */
export function createComplianceLoader(em: EntityManager, now: () => Date) {
  return new BatchLoader<string, ComplianceWithStandard>((organisationIds) =>
    compliancesOf(em, organisationIds, now()),
  );
}

export async function compliancesOf(
  em: EntityManager,
  organisationIds: readonly string[],
  now: Date,
): Promise<Map<string, ComplianceWithStandard>> {
  const ids = `{${organisationIds.join(',')}}`;
  const [organisations, standards, disclosures] = await Promise.all([
    // Only the kind is needed: no entities to hydrate for thousands of organisations in a recompute.
    em.execute<Array<{ id: string; kind: Organisation['kind'] }>>(
      'select id, kind from organisation where id = any(?::uuid[])',
      [ids],
    ),
    latestStandards(em),
    em.execute<
      Array<{
        organisation_id: string;
        standard_id: string;
        criterion_key: string;
        as_of: string;
        evidence_number: string | null;
      }>
    >(
      `select organisation_id, standard_id, criterion_key, to_char(as_of, 'YYYY-MM-DD') as as_of, evidence_number
           from disclosure where status = 'VERIFIED' and organisation_id = any(?::uuid[])`,
      [ids],
    ),
  ]);
  const byOrganisation = new Map<string, typeof disclosures>();
  for (const d of disclosures) {
    const list = byOrganisation.get(d.organisation_id);
    if (list) list.push(d);
    else byOrganisation.set(d.organisation_id, [d]);
  }
  const map = new Map<string, ComplianceWithStandard>();
  for (const organisation of organisations) {
    const standard = standards.find((s) => s.appliesTo.includes(organisation.kind));
    if (!standard) continue;
    const facts = (byOrganisation.get(organisation.id) ?? [])
      .filter((d) => d.standard_id === standard.id)
      .map((d) => ({
        criterionKey: d.criterion_key,
        status: 'VERIFIED' as const,
        asOf: new Date(`${d.as_of}T00:00:00Z`),
        // numeric comes back from PostgreSQL as text
        share: d.evidence_number === null ? null : Number(d.evidence_number),
      }));
    map.set(organisation.id, {
      standard,
      result: computeCompliance(standard.definition, organisation.kind, facts, now),
    });
  }
  return map;
}

/** What would raise the rating most, in the reader's language: openness next steps first, then reviews, loops and contribution. */
export function howToImprove(
  rating: OrganisationRating,
  compliance: ComplianceWithStandard | undefined,
  locale: Locale,
): string[] {
  const tips: string[] = [];
  const t = (ru: string, en: string) => (locale === 'en' ? en : ru);
  if (compliance) {
    const criteria = new Map(
      compliance.standard.definition.sections.flatMap((s) => s.criteria.map((c) => [c.key, c] as const)),
    );
    const points = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 2 });
    for (const step of compliance.result.nextSteps.slice(0, 3)) {
      const c = criteria.get(step.criterionKey);
      if (!c) continue;
      const title = localized(locale, c.titleRu, c.titleEn);
      const gain = points.format(step.gain);
      tips.push(t(`Раскройте «${title}»: +${gain} к открытости`, `Disclose “${title}”: +${gain} openness`));
    }
  }
  if (rating.practiceQuality.sample === 0) {
    tips.push(
      t(
        'Опубликуйте практику и пригласите коллег из группы её отрецензировать',
        'Publish a practice and invite peers in your group to review it',
      ),
    );
  }
  if ((rating.engagementDepth.score ?? 0) < 100 && rating.engagementDepth.sample > 0) {
    tips.push(
      t(
        'Возвращайте обратную связь: расскажите благополучателям, что изменилось, и отметьте петлю замкнутой',
        'Close the feedback loop: tell beneficiaries what changed, and mark the loop closed',
      ),
    );
  }
  if ((rating.contribution.score ?? 0) < 50) {
    tips.push(
      t('Рецензируйте практики других организаций своей группы', 'Review other organisations’ practices in your group'),
    );
  }
  return tips;
}
