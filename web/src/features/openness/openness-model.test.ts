import { describe, expect, it } from 'vitest';
import type { CriterionFieldsFragment, DisclosureFieldsFragment } from '../../gql/graphql';
import { criterionState, discloseAction, groupCriteriaBySection } from './openness-model';

const NOW = new Date('2026-11-29T10:00:00Z');
const STANDARD_ID = 'T3Blbm5lc3NTdGFuZGFyZDox';

function criterion(key: string, sectionKey: string, overrides: Partial<CriterionFieldsFragment> = {}) {
  return {
    key,
    sectionKey,
    title: `Критерий ${key}`,
    description: 'Что засчитывается',
    evidence: 'URL',
    mandatory: false,
    weight: 1,
    freshnessMonths: null,
    appliesTo: ['NGO', 'OTHER'],
    ...overrides,
  } satisfies CriterionFieldsFragment;
}

function disclosure(criterionKey: string, overrides: Partial<DisclosureFieldsFragment> = {}) {
  return {
    id: `D-${criterionKey}`,
    version: 1,
    status: 'VERIFIED',
    criterionKey,
    evidenceUrl: `https://semya.example.org/${criterionKey}`,
    evidenceText: null,
    evidenceNumber: null,
    asOf: '2026-03-01',
    expiresAt: null,
    rejectionReason: null,
    answer: null,
    createdAt: '2026-03-02T10:00:00Z',
    updatedAt: '2026-03-02T10:00:00Z',
    decidedAt: null,
    standard: { id: STANDARD_ID },
    ...overrides,
  } satisfies DisclosureFieldsFragment;
}

const standard = {
  id: STANDARD_ID,
  sections: [
    {
      key: 'about',
      title: 'Об организации',
      criteria: [criterion('mission', 'about', { mandatory: true }), criterion('team', 'about')],
    },
    {
      key: 'results',
      title: 'Результаты',
      criteria: [
        criterion('annual-report', 'results', { freshnessMonths: 18 }),
        criterion('statutory-report', 'results', { appliesTo: ['NGO'] }),
        criterion('news-updates', 'results'),
        criterion('outcome-indicators', 'results'),
      ],
    },
    {
      key: 'stand',
      title: 'Стенды (только для учреждений)',
      criteria: [criterion('stand-name', 'stand', { appliesTo: ['STATE_INSTITUTION'] })],
    },
  ],
};

describe('groupCriteriaBySection', () => {
  const disclosures = [
    disclosure('mission'),
    disclosure('annual-report', { expiresAt: '2026-09-01T00:00:00.000Z' }),
    disclosure('news-updates', { status: 'CLAIMED' }),
    disclosure('outcome-indicators', { status: 'REJECTED', rejectionReason: 'Ссылка не открывается' }),
    // A disclosure on another version of the standard does not count for this one.
    disclosure('team', { standard: { id: 'T3Blbm5lc3NTdGFuZGFyZDoy' } }),
  ];

  it('keeps the standard’s order and the criteria that apply to the organisation’s kind', () => {
    const sections = groupCriteriaBySection(standard, disclosures, 'OTHER', NOW);
    expect(sections.map((s) => s.key)).toEqual(['about', 'results']);
    expect(sections[1]!.criteria.map((c) => c.criterion.key)).toEqual([
      'annual-report',
      'news-updates',
      'outcome-indicators',
    ]);
    const ngo = groupCriteriaBySection(standard, disclosures, 'NGO', NOW);
    expect(ngo[1]!.criteria.map((c) => c.criterion.key)).toContain('statutory-report');
    const institution = groupCriteriaBySection(standard, disclosures, 'STATE_INSTITUTION', NOW);
    expect(institution.map((s) => s.key)).toEqual(['stand']);
  });

  it('gives each criterion its state and its disclosure, and counts the states per section', () => {
    const [about, results] = groupCriteriaBySection(standard, disclosures, 'NGO', NOW);
    const states = (section: typeof about) =>
      Object.fromEntries(section!.criteria.map((c) => [c.criterion.key, c.state]));
    expect(states(about)).toEqual({ mission: 'VERIFIED', team: 'NOT_DISCLOSED' });
    expect(states(results)).toEqual({
      'annual-report': 'EXPIRED',
      'statutory-report': 'NOT_DISCLOSED',
      'news-updates': 'CLAIMED',
      'outcome-indicators': 'REJECTED',
    });
    expect(about!.criteria[1]!.disclosure).toBeNull();
    expect(results!.criteria[3]!.disclosure?.rejectionReason).toBe('Ссылка не открывается');
    expect(about!.counts).toEqual({ VERIFIED: 1, EXPIRED: 0, CLAIMED: 0, REJECTED: 0, NOT_DISCLOSED: 1 });
    expect(results!.counts).toEqual({ VERIFIED: 0, EXPIRED: 1, CLAIMED: 1, REJECTED: 1, NOT_DISCLOSED: 1 });
  });

  it('shows only what the API returned: without claimed and rejected ones they read as not disclosed', () => {
    const publicView = disclosures.filter((d) => d.status === 'VERIFIED');
    const [, results] = groupCriteriaBySection(standard, publicView, 'NGO', NOW);
    expect(results!.criteria.map((c) => c.state)).toEqual([
      'EXPIRED',
      'NOT_DISCLOSED',
      'NOT_DISCLOSED',
      'NOT_DISCLOSED',
    ]);
  });
});

describe('criterionState and discloseAction', () => {
  it('treats a verified disclosure as expired from the moment it stops counting', () => {
    expect(criterionState(disclosure('x', { expiresAt: '2026-11-29T10:00:00.000Z' }), NOW)).toBe('EXPIRED');
    expect(criterionState(disclosure('x', { expiresAt: '2026-11-29T10:00:01.000Z' }), NOW)).toBe('VERIFIED');
    expect(criterionState(null, NOW)).toBe('NOT_DISCLOSED');
  });

  it('offers to disclose, answer, update or change a claim, never to re-claim a fresh verified one', () => {
    expect(discloseAction('NOT_DISCLOSED', false)).toBe('disclose');
    expect(discloseAction('REJECTED', false)).toBe('answer');
    expect(discloseAction('EXPIRED', false)).toBe('update');
    expect(discloseAction('CLAIMED', false)).toBe('edit');
    expect(discloseAction('VERIFIED', false)).toBeNull();
    expect(discloseAction('VERIFIED', true)).toBe('update');
  });
});
