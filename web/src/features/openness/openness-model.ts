import type { CriterionFieldsFragment, DisclosureFieldsFragment, OrganisationKind } from '../../gql/graphql';

/**
 * Where a criterion stands for one organisation. VERIFIED counts while fresh; EXPIRED is verified
 * but past its freshness period (it no longer counts); CLAIMED and REJECTED are seen only by the
 * organisation and its verifiers (the API returns them only to them).
 */
export type CriterionState = 'VERIFIED' | 'EXPIRED' | 'CLAIMED' | 'REJECTED' | 'NOT_DISCLOSED';

export const CRITERION_STATES: readonly CriterionState[] = [
  'VERIFIED',
  'EXPIRED',
  'CLAIMED',
  'REJECTED',
  'NOT_DISCLOSED',
];

export interface CriterionWithState {
  criterion: CriterionFieldsFragment;
  disclosure: DisclosureFieldsFragment | null;
  state: CriterionState;
}

export interface SectionCriteria {
  key: string;
  title: string;
  criteria: CriterionWithState[];
  /** How many of its criteria are in each state. */
  counts: Record<CriterionState, number>;
}

export function criterionState(disclosure: DisclosureFieldsFragment | null, now: Date): CriterionState {
  if (!disclosure) return 'NOT_DISCLOSED';
  if (disclosure.status === 'VERIFIED') {
    const expires = disclosure.expiresAt ? new Date(disclosure.expiresAt).getTime() : null;
    return expires !== null && expires <= now.getTime() ? 'EXPIRED' : 'VERIFIED';
  }
  return disclosure.status;
}

/**
 * The standard's criteria that apply to an organisation of this kind, by section in the standard's
 * order, each with the organisation's disclosure on this standard version and its state.
 * Sections without an applicable criterion are left out.
 */
export function groupCriteriaBySection(
  standard: {
    id: string;
    sections: ReadonlyArray<{ key: string; title: string; criteria: readonly CriterionFieldsFragment[] }>;
  },
  disclosures: readonly DisclosureFieldsFragment[],
  kind: OrganisationKind,
  now: Date,
): SectionCriteria[] {
  const byCriterion = new Map(
    disclosures.filter((d) => d.standard.id === standard.id).map((d) => [d.criterionKey, d] as const),
  );
  return standard.sections.flatMap((section) => {
    const criteria = section.criteria
      .filter((criterion) => criterion.appliesTo.length === 0 || criterion.appliesTo.includes(kind))
      .map((criterion) => {
        const disclosure = byCriterion.get(criterion.key) ?? null;
        return { criterion, disclosure, state: criterionState(disclosure, now) };
      });
    if (criteria.length === 0) return [];
    const counts = Object.fromEntries(CRITERION_STATES.map((state) => [state, 0])) as Record<CriterionState, number>;
    for (const item of criteria) counts[item.state] += 1;
    return [{ key: section.key, title: section.title, criteria, counts }];
  });
}

/** The anchor of a criterion on the openness page, so next steps and warnings can point at it. */
export const criterionAnchor = (key: string) => `criterion-${key.replace(/[^A-Za-z0-9_-]/g, '')}`;

/** What the organisation may do about a criterion, by its state; null when there is nothing to do. */
export type DiscloseAction = 'disclose' | 'answer' | 'update' | 'edit';

export function discloseAction(state: CriterionState, expiringSoon: boolean): DiscloseAction | null {
  switch (state) {
    case 'NOT_DISCLOSED':
      return 'disclose';
    case 'REJECTED':
      return 'answer';
    case 'EXPIRED':
      return 'update';
    case 'CLAIMED':
      return 'edit';
    case 'VERIFIED':
      // A fresh verified disclosure counts; claiming it again would stop it counting until verified.
      return expiringSoon ? 'update' : null;
  }
}

/** A score as shown: at most one decimal. */
export const roundScore = (score: number) => Math.round(score * 10) / 10;
