import { describe, expect, it } from 'vitest';
import { bayesianAverage, computeRatings, DEFAULT_PARAMETERS, rank, type OrganisationFacts } from './rating.engine.js';

const facts = (overrides: Partial<OrganisationFacts>): OrganisationFacts => ({
  organisationId: 'o',
  opennessScore: 50,
  reviewMean: null,
  reviewCount: 0,
  practiceCount: 0,
  levelSum: 0,
  closedLoops: 0,
  reviewsGiven12m: 0,
  practicesPublished12m: 0,
  ...overrides,
});

describe('practice quality: Bayesian average', () => {
  it('keeps one 5/5 review from beating thirty reviews averaging 4.6 (m = 3, group mean 4.0)', () => {
    const one = bayesianAverage(5, 1, 4, 3);
    const thirty = bayesianAverage(4.6, 30, 4, 3);
    expect(one).toBe(4.25);
    expect(thirty).toBeCloseTo(4.5455, 4);
    expect(thirty).toBeGreaterThan(one);
  });

  it('puts the shrunk mean on 0–100 with its sample', () => {
    const [result] = computeRatings([facts({ reviewMean: 5, reviewCount: 1 })], 4);
    expect(result!.practiceQuality).toEqual({ score: 81.25, sample: 1 });
  });
});

describe('components and composite', () => {
  it('computes engagement depth from levels and closed loops, contribution with diminishing returns, and the weighted sum', () => {
    const [result] = computeRatings(
      [
        facts({
          opennessScore: 80,
          reviewMean: 4,
          reviewCount: 3,
          practiceCount: 2,
          levelSum: 6,
          closedLoops: 1,
          reviewsGiven12m: 3,
          practicesPublished12m: 2,
        }),
      ],
      4,
    );
    // depth: 50·mean((1−1)/4, (5−1)/4) + 50·(1/2) = 25 + 25 = 50; contribution: 100·5/(5+5) = 50; quality: (4−1)/4·100 = 75
    expect(result).toMatchObject({
      openness: { score: 80, sample: 1 },
      practiceQuality: { score: 75, sample: 3 },
      engagementDepth: { score: 50, sample: 2 },
      contribution: { score: 50, sample: 5 },
      enoughData: true,
    });
    // 0.35·80 + 0.3·75 + 0.2·50 + 0.15·50 = 28 + 22.5 + 10 + 7.5 = 68
    expect(result!.composite).toBe(68);
  });

  it('gates a rank on enough data', () => {
    const [noReviews] = computeRatings([facts({ practiceCount: 1, levelSum: 3 })], 4);
    expect(noReviews!.enoughData).toBe(false);
    expect(noReviews!.practiceQuality).toEqual({ score: null, sample: 0 });
  });

  it('weights are parameters', () => {
    const params = {
      ...DEFAULT_PARAMETERS,
      weights: { openness: 1, practiceQuality: 0, engagementDepth: 0, contribution: 0 },
    };
    expect(computeRatings([facts({ opennessScore: 42 })], null, params)[0]!.composite).toBe(42);
  });
});

describe('ranks', () => {
  it('share a rank on ties and skip after them; organisations without enough data get none', () => {
    const results = computeRatings(
      [
        facts({ organisationId: 'a', opennessScore: 90, reviewMean: 4, reviewCount: 2, practiceCount: 1, levelSum: 3 }),
        facts({ organisationId: 'b', opennessScore: 70, reviewMean: 4, reviewCount: 2, practiceCount: 1, levelSum: 3 }),
        facts({ organisationId: 'c', opennessScore: 70, reviewMean: 4, reviewCount: 2, practiceCount: 1, levelSum: 3 }),
        facts({ organisationId: 'd', opennessScore: 10, reviewMean: 4, reviewCount: 2, practiceCount: 1, levelSum: 3 }),
        facts({ organisationId: 'e', opennessScore: 100 }),
      ],
      4,
    );
    expect(Object.fromEntries(rank(results))).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });
});
