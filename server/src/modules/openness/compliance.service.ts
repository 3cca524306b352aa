import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../../common/i18n/locale.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { computeCompliance, type ComplianceResult, type DisclosureFact } from './compliance.engine.js';
import type { ComplianceReport } from './dto/openness.types.js';
import { ComplianceSnapshot, Disclosure, DisclosureStatus, type OpennessStandard } from './openness.entities.js';
import { criteriaOf, levelsOf, sectionsOf } from './standard.service.js';

/** Facts for the engine: the organisation's disclosures on one standard version (only verified ones count). */
export async function disclosureFacts(
  em: EntityManager,
  organisationId: string,
  standardId: string,
): Promise<DisclosureFact[]> {
  const disclosures = await em.find(Disclosure, { organisationId, standardId, status: DisclosureStatus.VERIFIED });
  return disclosures.map((d) => ({
    criterionKey: d.criterionKey,
    status: d.status,
    asOf: new Date(`${d.asOf}T00:00:00Z`),
    share: d.evidenceNumber ?? null,
  }));
}

export async function computeFor(em: EntityManager, organisation: Organisation, standard: OpennessStandard, now: Date) {
  return computeCompliance(
    standard.definition,
    organisation.kind,
    await disclosureFacts(em, organisation.id, standard.id),
    now,
  );
}

/** The engine's result in the reader's language, with criteria and levels resolved. */
export function toReport(
  standard: OpennessStandard,
  result: ComplianceResult,
  locale: Locale,
  now: Date,
): ComplianceReport {
  const criteria = new Map(criteriaOf(standard, locale).map((c) => [c.key, c]));
  const sections = new Map(sectionsOf(standard, locale).map((s) => [s.key, s.title]));
  const levels = new Map(levelsOf(standard, locale).map((l) => [l.key, l]));
  return {
    standard,
    score: result.score,
    sections: result.sections.map((s) => ({ ...s, title: sections.get(s.key) ?? s.key })),
    mandatoryMissing: result.mandatoryMissing.map((k) => criteria.get(k)!),
    level: result.level ? levels.get(result.level) : null,
    nextLevel: result.nextLevel ? levels.get(result.nextLevel) : null,
    nextSteps: result.nextSteps.map((s) => ({
      criterion: criteria.get(s.criterionKey)!,
      gain: s.gain,
      forNextLevel: s.forNextLevel,
    })),
    expiringSoon: result.expiringSoon.map((e) => ({
      criterion: criteria.get(e.criterionKey)!,
      expiresAt: e.expiresAt,
    })),
    computedAt: now,
  };
}

/** Records the organisation's compliance now, so history can be drawn; call inside the changing transaction. */
export async function snapshotCompliance(
  em: EntityManager,
  organisation: Organisation,
  standard: OpennessStandard,
  now: Date,
) {
  const result = await computeFor(em, organisation, standard, now);
  em.create(ComplianceSnapshot, {
    organisationId: organisation.id,
    standardId: standard.id,
    score: result.score,
    levelKey: result.level,
    breakdown: { sections: result.sections, mandatoryMissing: result.mandatoryMissing, met: result.met },
    takenAt: now,
  });
  return result;
}
