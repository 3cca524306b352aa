import { describe, expect, it } from 'vitest';
import { OrganisationKind } from '../organisation/organisation.entity.js';
import { computeCompliance, type DisclosureFact } from './compliance.engine.js';
import { standardSchema, type StandardDefinition } from './standard.definition.js';

const criterion = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  titleRu: key,
  titleEn: key,
  descriptionRu: key,
  descriptionEn: key,
  weight: 1,
  mandatory: false,
  evidence: 'URL',
  ...extra,
});

const weighted: StandardDefinition = standardSchema.parse({
  key: 'test-weighted',
  version: 1,
  titleRu: 'Т',
  titleEn: 'T',
  descriptionRu: 'Т',
  descriptionEn: 'T',
  appliesTo: ['NGO', 'STATE_INSTITUTION'],
  formula: 'WEIGHTED_SHARE',
  sections: [
    {
      key: 'about',
      titleRu: 'О',
      titleEn: 'A',
      criteria: [criterion('mission', { weight: 2, mandatory: true }), criterion('board')],
    },
    {
      key: 'results',
      titleRu: 'Р',
      titleEn: 'R',
      criteria: [
        criterion('annual-report', { weight: 3, mandatory: true, freshnessMonths: 18, evidence: 'DOCUMENT' }),
        criterion('inspection', { weight: 2, appliesTo: ['STATE_INSTITUTION'] }),
      ],
    },
  ],
  levels: [
    { key: 'base', titleRu: 'Б', titleEn: 'B', requires: ['mission', 'annual-report'] },
    { key: 'full', titleRu: 'П', titleEn: 'F', requires: ['mission', 'board', 'annual-report'] },
  ],
});

const verified = (criterionKey: string, asOf = '2025-01-01', share?: number): DisclosureFact => ({
  criterionKey,
  status: 'VERIFIED',
  asOf: new Date(asOf),
  share,
});

describe('weighted share', () => {
  const disclosures: DisclosureFact[] = [
    verified('mission'),
    verified('annual-report', '2025-01-01'),
    { criterionKey: 'board', status: 'CLAIMED', asOf: new Date('2026-01-01') },
  ];

  it('counts verified fresh disclosures by weight: (2 + 3) / 6 = 83.33, with sections, level and next steps', () => {
    const result = computeCompliance(weighted, OrganisationKind.NGO, disclosures, new Date('2026-05-01'));
    expect(result.score).toBe(83.33);
    expect(result.sections).toEqual([
      { key: 'about', score: 66.67, met: 1, applicable: 2 },
      { key: 'results', score: 100, met: 1, applicable: 1 },
    ]);
    expect(result.level).toBe('base');
    expect(result.nextLevel).toBe('full');
    expect(result.mandatoryMissing).toEqual([]);
    expect(result.nextSteps).toEqual([{ criterionKey: 'board', gain: 16.67, forNextLevel: true }]);
    expect(result.expiringSoon).toEqual([]);
  });

  it('warns 60 days before the annual report (18 months) expires, and stops counting it after', () => {
    const soon = computeCompliance(weighted, OrganisationKind.NGO, disclosures, new Date('2026-05-15'));
    expect(soon.expiringSoon).toEqual([{ criterionKey: 'annual-report', expiresAt: new Date('2026-07-01') }]);
    const after = computeCompliance(weighted, OrganisationKind.NGO, disclosures, new Date('2026-07-02'));
    expect(after.score).toBe(33.33);
    expect(after.level).toBeNull();
    expect(after.nextLevel).toBe('base');
    expect(after.mandatoryMissing).toEqual(['annual-report']);
    expect(after.nextSteps).toEqual([
      { criterionKey: 'annual-report', gain: 50, forNextLevel: true },
      { criterionKey: 'board', gain: 16.67, forNextLevel: false },
    ]);
  });

  it('earns levels only in order: the full level needs the base one', () => {
    const onlyBoard = computeCompliance(
      weighted,
      OrganisationKind.NGO,
      [verified('mission'), verified('board')],
      new Date('2026-05-01'),
    );
    expect(onlyBoard.level).toBeNull();
    expect(onlyBoard.score).toBe(50);
    const all = computeCompliance(
      weighted,
      OrganisationKind.NGO,
      [...disclosures.slice(0, 2), verified('board')],
      new Date('2026-05-01'),
    );
    expect(all.level).toBe('full');
    expect(all.nextLevel).toBeNull();
    expect(all.score).toBe(100);
  });

  it('applies criteria by organisation kind: an institution has one more (weight 2): 5 / 8 = 62.5', () => {
    const result = computeCompliance(weighted, OrganisationKind.STATE_INSTITUTION, disclosures, new Date('2026-05-01'));
    expect(result.score).toBe(62.5);
    expect(result.nextSteps.map((s) => s.criterionKey)).toEqual(['board', 'inspection']);
  });

  it('ignores rejected and claimed disclosures', () => {
    const result = computeCompliance(
      weighted,
      OrganisationKind.NGO,
      [{ criterionKey: 'mission', status: 'REJECTED', asOf: new Date('2026-01-01') }],
      new Date('2026-05-01'),
    );
    expect(result.score).toBe(0);
    expect(result.mandatoryMissing).toEqual(['mission', 'annual-report']);
  });
});

describe('НОК УСО openness criterion (K1 = 0.3·Pinf + 0.3·Pdist + 0.4·Psat)', () => {
  const items = (prefix: string, count: number, nok: string) =>
    Array.from({ length: count }, (_, i) => criterion(`${prefix}-${i + 1}`, { nok, mandatory: true }));
  const nok: StandardDefinition = standardSchema.parse({
    key: 'test-nok',
    version: 1,
    titleRu: 'Н',
    titleEn: 'N',
    descriptionRu: 'Н',
    descriptionEn: 'N',
    appliesTo: ['STATE_INSTITUTION'],
    formula: 'NOK_USO',
    sections: [
      { key: 'stand', titleRu: 'С', titleEn: 'S', criteria: items('stand', 10, 'STAND_ITEM') },
      { key: 'website', titleRu: 'С', titleEn: 'W', criteria: items('site', 16, 'SITE_ITEM') },
      { key: 'remote', titleRu: 'Д', titleEn: 'R', criteria: items('channel', 5, 'REMOTE_CHANNEL') },
      {
        key: 'satisfaction',
        titleRu: 'У',
        titleEn: 'S',
        criteria: [
          criterion('sat-stand', { nok: 'SATISFACTION_STAND', evidence: 'SHARE', freshnessMonths: 12 }),
          criterion('sat-site', { nok: 'SATISFACTION_SITE', evidence: 'SHARE', freshnessMonths: 12 }),
        ],
      },
    ],
    levels: [{ key: 'minimum', titleRu: 'М', titleEn: 'M', requires: ['stand-1'] }],
  });
  const facts = (
    stand: number,
    site: number,
    channels: number,
    satStand: number,
    satSite: number,
  ): DisclosureFact[] => [
    ...Array.from({ length: stand }, (_, i) => verified(`stand-${i + 1}`, '2026-01-01')),
    ...Array.from({ length: site }, (_, i) => verified(`site-${i + 1}`, '2026-01-01')),
    ...Array.from({ length: channels }, (_, i) => verified(`channel-${i + 1}`, '2026-01-01')),
    verified('sat-stand', '2026-01-01', satStand),
    verified('sat-site', '2026-01-01', satSite),
  ];
  const now = new Date('2026-06-01');

  it('8/10 stand, 12/16 site, 3 channels, 90% and 80% satisfied: Pinf 77.5, Pdist 90, Psat 85, K1 84.25', () => {
    const result = computeCompliance(nok, OrganisationKind.STATE_INSTITUTION, facts(8, 12, 3, 0.9, 0.8), now);
    expect(result.score).toBe(84.25);
    expect(result.sections.map((s) => [s.key, s.score])).toEqual([
      ['stand', 80],
      ['website', 75],
      ['remote', 90],
      ['satisfaction', 85],
    ]);
  });

  it('caps Pdist at 100: a fourth channel adds 10 points of Pdist, 3 of K1 (87.25)', () => {
    expect(computeCompliance(nok, OrganisationKind.STATE_INSTITUTION, facts(8, 12, 4, 0.9, 0.8), now).score).toBe(
      87.25,
    );
    expect(computeCompliance(nok, OrganisationKind.STATE_INSTITUTION, facts(8, 12, 5, 0.9, 0.8), now).score).toBe(
      87.25,
    );
  });

  it('scores 100 with everything, and drops satisfaction surveys after 12 months', () => {
    expect(computeCompliance(nok, OrganisationKind.STATE_INSTITUTION, facts(10, 16, 5, 1, 1), now).score).toBe(100);
    const stale = computeCompliance(
      nok,
      OrganisationKind.STATE_INSTITUTION,
      facts(10, 16, 5, 1, 1),
      new Date('2027-01-02'),
    );
    expect(stale.score).toBe(60);
  });

  it('ranks next steps by what they add to K1: a channel (+9) before a stand item (+1.5) before a site item (+0.94)', () => {
    const result = computeCompliance(nok, OrganisationKind.STATE_INSTITUTION, facts(8, 12, 2, 0.9, 0.8), now);
    const gains = new Map(result.nextSteps.map((s) => [s.criterionKey, s.gain]));
    expect(gains.get('channel-3')).toBe(9);
    expect(gains.get('stand-9')).toBe(1.5);
    expect(gains.get('site-13')).toBe(0.94);
    expect(result.nextSteps[0]!.criterionKey).toMatch(/^channel-/);
  });
});
