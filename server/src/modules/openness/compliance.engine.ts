import type { OrganisationKind } from '../organisation/organisation.entity.js';
import type { CriterionDefinition, StandardDefinition } from './standard.definition.js';

/** What the engine needs of a disclosure. */
export interface DisclosureFact {
  criterionKey: string;
  status: 'CLAIMED' | 'VERIFIED' | 'REJECTED';
  /** The date the disclosed information is as of; freshness counts from it. */
  asOf: Date;
  /** For SHARE evidence: 0–1. */
  share?: number | null;
}

export interface SectionScore {
  key: string;
  score: number;
  met: number;
  applicable: number;
}

export interface NextStep {
  criterionKey: string;
  /** Points the score would gain if this criterion were met now. */
  gain: number;
  /** Whether it is missing for the next level. */
  forNextLevel: boolean;
}

export interface ExpiringCriterion {
  criterionKey: string;
  expiresAt: Date;
}

export interface ComplianceResult {
  score: number;
  sections: SectionScore[];
  mandatoryMissing: string[];
  level: string | null;
  nextLevel: string | null;
  nextSteps: NextStep[];
  expiringSoon: ExpiringCriterion[];
  /** Criteria met by verified, fresh disclosures. */
  met: string[];
}

const EXPIRY_WARNING_DAYS = 60;
const round2 = (value: number) => Math.round(value * 100) / 100;

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** When a verified disclosure stops counting, if its criterion has a freshness period. */
export function expiresAt(criterion: CriterionDefinition, asOf: Date): Date | null {
  return criterion.freshnessMonths ? addMonths(asOf, criterion.freshnessMonths) : null;
}

const applicableCriteria = (standard: StandardDefinition, kind: OrganisationKind) =>
  standard.sections.flatMap((s) =>
    s.criteria.filter((c) => !c.appliesTo || c.appliesTo.includes(kind)).map((c) => ({ ...c, section: s.key })),
  );

type Scorer = (met: Map<string, DisclosureFact>) => { score: number; sections: SectionScore[] };

function weightedShare(standard: StandardDefinition, criteria: ReturnType<typeof applicableCriteria>): Scorer {
  return (met) => {
    const total = criteria.reduce((sum, c) => sum + c.weight, 0);
    const earned = criteria.filter((c) => met.has(c.key)).reduce((sum, c) => sum + c.weight, 0);
    const sections = standard.sections
      .map((section) => {
        const own = criteria.filter((c) => c.section === section.key);
        const weight = own.reduce((sum, c) => sum + c.weight, 0);
        const got = own.filter((c) => met.has(c.key)).reduce((sum, c) => sum + c.weight, 0);
        return {
          key: section.key,
          score: weight ? round2((100 * got) / weight) : 0,
          met: own.filter((c) => met.has(c.key)).length,
          applicable: own.length,
        };
      })
      .filter((s) => s.applicable > 0);
    return { score: total ? round2((100 * earned) / total) : 0, sections };
  };
}

/** НОК УСО openness criterion: K1 = 0.3·Pinf + 0.3·Pdist + 0.4·Psat. */
function nokUso(standard: StandardDefinition, criteria: ReturnType<typeof applicableCriteria>): Scorer {
  return (met) => {
    const role = (r: string) => criteria.filter((c) => c.nok === r);
    const ratio = (items: typeof criteria) =>
      items.length ? items.filter((c) => met.has(c.key)).length / items.length : 0;
    const share = (r: string) => {
      const c = role(r)[0];
      const fact = c ? met.get(c.key) : undefined;
      return fact?.share ?? 0;
    };
    const stand = ratio(role('STAND_ITEM'));
    const site = ratio(role('SITE_ITEM'));
    const pInf = 0.5 * (stand + site) * 100;
    const channels = role('REMOTE_CHANNEL').filter((c) => met.has(c.key)).length;
    const pDist = Math.min(100, 30 * channels);
    const pSat = ((share('SATISFACTION_STAND') + share('SATISFACTION_SITE')) / 2) * 100;
    const k1 = 0.3 * pInf + 0.3 * pDist + 0.4 * pSat;
    const bySection = (key: string) => {
      const own = criteria.filter((c) => c.section === key);
      return { met: own.filter((c) => met.has(c.key)).length, applicable: own.length };
    };
    const sectionScore = (key: string) => {
      const roles = new Set(criteria.filter((c) => c.section === key).map((c) => c.nok));
      if (roles.has('STAND_ITEM')) return stand * 100;
      if (roles.has('SITE_ITEM')) return site * 100;
      if (roles.has('REMOTE_CHANNEL')) return pDist;
      return pSat;
    };
    const sections = standard.sections
      .map((s) => ({ key: s.key, score: round2(sectionScore(s.key)), ...bySection(s.key) }))
      .filter((s) => s.applicable > 0);
    return { score: round2(k1), sections };
  };
}

/**
 * Compliance of one organisation with one standard version, in one pass over its disclosures:
 * only verified disclosures whose information is fresh at `now` count.
 */
export function computeCompliance(
  standard: StandardDefinition,
  kind: OrganisationKind,
  disclosures: DisclosureFact[],
  now: Date,
): ComplianceResult {
  const criteria = applicableCriteria(standard, kind);
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  const met = new Map<string, DisclosureFact>();
  const expiringSoon: ExpiringCriterion[] = [];
  for (const fact of disclosures) {
    const criterion = byKey.get(fact.criterionKey);
    if (!criterion || fact.status !== 'VERIFIED') continue;
    const expiry = expiresAt(criterion, fact.asOf);
    if (expiry && expiry <= now) continue;
    met.set(criterion.key, fact);
    if (expiry && expiry.getTime() - now.getTime() <= EXPIRY_WARNING_DAYS * 86_400_000) {
      expiringSoon.push({ criterionKey: criterion.key, expiresAt: expiry });
    }
  }
  const scorer = standard.formula === 'NOK_USO' ? nokUso(standard, criteria) : weightedShare(standard, criteria);
  const { score, sections } = scorer(met);

  let level: string | null = null;
  let nextLevel: string | null = null;
  for (const candidate of standard.levels) {
    const required = candidate.requires.filter((k) => byKey.has(k));
    if (required.every((k) => met.has(k))) {
      level = candidate.key;
    } else {
      nextLevel = candidate.key;
      break;
    }
  }
  const nextLevelNeeds = new Set(standard.levels.find((l) => l.key === nextLevel)?.requires ?? []);

  const nextSteps = criteria
    .filter((c) => !met.has(c.key))
    .map((c) => {
      const withIt = new Map(met).set(c.key, { criterionKey: c.key, status: 'VERIFIED', asOf: now, share: 1 });
      return {
        criterionKey: c.key,
        gain: round2(scorer(withIt).score - score),
        forNextLevel: nextLevelNeeds.has(c.key),
      };
    })
    .sort(
      (a, b) =>
        Number(b.forNextLevel) - Number(a.forNextLevel) ||
        b.gain - a.gain ||
        a.criterionKey.localeCompare(b.criterionKey),
    );

  return {
    score,
    sections,
    mandatoryMissing: criteria.filter((c) => c.mandatory && !met.has(c.key)).map((c) => c.key),
    level,
    nextLevel,
    nextSteps,
    expiringSoon: expiringSoon.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime()),
    met: [...met.keys()],
  };
}
