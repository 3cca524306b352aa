import { RubricCriterion, type ReviewSummary } from './dto/review.input.js';
import type { Practice } from '../practice/practice.entity.js';
import type { Review } from './review.entity.js';
import { CRITERIA } from './review.validators.js';

const CRITERION_ENUM: Record<(typeof CRITERIA)[number], RubricCriterion> = {
  relevance: RubricCriterion.RELEVANCE,
  depth: RubricCriterion.DEPTH,
  loopClosure: RubricCriterion.LOOP_CLOSURE,
  evidence: RubricCriterion.EVIDENCE,
  replicability: RubricCriterion.REPLICABILITY,
};

const round = (value: number) => Math.round(value * 100) / 100;

/** Means per criterion and overall over submitted reviews, each with the number of reviews beside it. */
export function summariseReviews(reviews: Review[]): ReviewSummary {
  const submitted = reviews.filter((r) => r.status === 'SUBMITTED');
  const count = submitted.length;
  const criteria = CRITERIA.map((key) => {
    const total = submitted.reduce((sum, r) => sum + (r[key] ?? 0), 0);
    return { criterion: CRITERION_ENUM[key], mean: count ? round(total / count) : null, count };
  });
  const all = criteria.filter((c) => c.mean !== null);
  return {
    count,
    overall: { mean: count ? round(all.reduce((sum, c) => sum + c.mean!, 0) / all.length) : null, count },
    criteria,
  };
}

/**
 * A practice's summary: the count and overall mean from the totals a trigger keeps on the practice (no
 * query), the per-criterion means from its reviews only when they are asked for.
 */
export function summaryOfPractice(practice: Practice, reviews: () => Promise<Review[] | undefined>): ReviewSummary {
  const count = practice.reviewCount;
  let criteria: Promise<ReviewSummary['criteria']> | undefined;
  return {
    count,
    overall: { mean: count ? round(Number(practice.reviewTotal) / count) : null, count },
    get criteria() {
      // graphql-js awaits a promise in a field's value; the loader batches it with the page's other practices.
      criteria ??= reviews().then((loaded) => summariseReviews(loaded ?? []).criteria);
      return criteria as unknown as ReviewSummary['criteria'];
    },
  };
}
