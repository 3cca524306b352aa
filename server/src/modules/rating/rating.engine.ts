/**
 * Composite rating of organisations: each component 0–100 with the sample it rests on,
 * a weighted sum, and ranks among peers (ties share a rank; too little data, no rank).
 */

export interface RatingParameters {
  weights: { openness: number; practiceQuality: number; engagementDepth: number; contribution: number };
  /** Bayesian prior strength: how many reviews' worth of the group mean an organisation starts with. */
  priorReviews: number;
  /** Contribution: activities (reviews given + practices published in 12 months) that earn half the points. */
  contributionHalfPoint: number;
  /** Minimum data for a rank: reviews received, or published practices. */
  minReviews: number;
  minPractices: number;
}

export const DEFAULT_PARAMETERS: RatingParameters = {
  weights: { openness: 0.35, practiceQuality: 0.3, engagementDepth: 0.2, contribution: 0.15 },
  priorReviews: 3,
  contributionHalfPoint: 5,
  minReviews: 1,
  minPractices: 1,
};

export interface OrganisationFacts {
  organisationId: string;
  /** Compliance score 0–100 with the standard for its kind, or null without one. */
  opennessScore: number | null;
  /** Mean review score (1–5 scale) of its practices and how many reviews it rests on. */
  reviewMean: number | null;
  reviewCount: number;
  /** Published practices with a participation level, the sum of their levels (1–5 each), and how many close the loop. */
  practiceCount: number;
  levelSum: number;
  closedLoops: number;
  reviewsGiven12m: number;
  practicesPublished12m: number;
}

export interface Component {
  score: number | null;
  sample: number;
}

export interface RatingResult {
  organisationId: string;
  openness: Component;
  practiceQuality: Component;
  engagementDepth: Component;
  contribution: Component;
  composite: number;
  enoughData: boolean;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
/** A 1–5 score on the 0–100 scale. */
const toPercent = (score: number) => ((score - 1) / 4) * 100;

/** WR = v/(v+m)·R + m/(v+m)·C: few reviews pull the organisation's mean R towards the group mean C. */
export function bayesianAverage(mean: number, count: number, priorMean: number, priorCount: number): number {
  return (count / (count + priorCount)) * mean + (priorCount / (count + priorCount)) * priorMean;
}

export function computeRatings(
  facts: OrganisationFacts[],
  groupMean: number | null,
  p: RatingParameters = DEFAULT_PARAMETERS,
): RatingResult[] {
  const prior = groupMean ?? 3;
  return facts.map((f) => {
    const openness: Component = {
      score: f.opennessScore === null ? null : round2(f.opennessScore),
      sample: f.opennessScore === null ? 0 : 1,
    };
    const practiceQuality: Component =
      f.reviewCount > 0 && f.reviewMean !== null
        ? {
            score: round2(toPercent(bayesianAverage(f.reviewMean, f.reviewCount, prior, p.priorReviews))),
            sample: f.reviewCount,
          }
        : { score: null, sample: 0 };
    const practices = f.practiceCount;
    const engagementDepth: Component = practices
      ? {
          score: round2(50 * ((f.levelSum - practices) / 4 / practices) + 50 * (f.closedLoops / practices)),
          sample: practices,
        }
      : { score: null, sample: 0 };
    const activity = f.reviewsGiven12m + f.practicesPublished12m;
    const contribution: Component = {
      score: round2((100 * activity) / (activity + p.contributionHalfPoint)),
      sample: activity,
    };
    const parts: Array<[Component, number]> = [
      [openness, p.weights.openness],
      [practiceQuality, p.weights.practiceQuality],
      [engagementDepth, p.weights.engagementDepth],
      [contribution, p.weights.contribution],
    ];
    const composite = round2(parts.reduce((sum, [c, w]) => sum + (c.score ?? 0) * w, 0));
    const enoughData = f.reviewCount >= p.minReviews && practices >= p.minPractices && openness.score !== null;
    return {
      organisationId: f.organisationId,
      openness,
      practiceQuality,
      engagementDepth,
      contribution,
      composite,
      enoughData,
    };
  });
}

/** Competition ranks (1, 2, 2, 4) among results with enough data; others get none. */
export function rank(results: RatingResult[]): Map<string, number> {
  const ranked = results.filter((r) => r.enoughData).sort((a, b) => b.composite - a.composite);
  const ranks = new Map<string, number>();
  ranked.forEach((r, i) => {
    const previous = ranked[i - 1];
    ranks.set(
      r.organisationId,
      previous && previous.composite === r.composite ? ranks.get(previous.organisationId)! : i + 1,
    );
  });
  return ranks;
}
