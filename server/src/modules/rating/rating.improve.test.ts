import { describe, expect, it } from 'vitest';
import { howToImprove, type ComplianceWithStandard } from './rating.improve.js';
import type { OrganisationRating } from './rating.resolver.js';

const component = (score: number | null, sample: number) => ({ score, sample, weight: 0.25, points: 0 });
const rating = {
  composite: 40,
  rank: 3,
  enoughData: true,
  openness: component(50, 1),
  practiceQuality: component(80, 4),
  engagementDepth: component(100, 2),
  contribution: component(60, 6),
} as unknown as OrganisationRating;
const compliance = {
  standard: {
    definition: {
      sections: [{ criteria: [{ key: 'report', titleRu: 'Годовой отчёт', titleEn: 'Annual report' }] }],
    },
  },
  result: { nextSteps: [{ criterionKey: 'report', gain: 3.45 }] },
} as unknown as ComplianceWithStandard;

describe('how to improve', () => {
  it("writes the gain as the reader's language writes numbers", () => {
    expect(howToImprove(rating, compliance, 'ru')).toEqual(['Раскройте «Годовой отчёт»: +3,45 к открытости']);
    expect(howToImprove(rating, compliance, 'en')).toEqual(['Disclose “Annual report”: +3.45 openness']);
  });
});
