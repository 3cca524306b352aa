import { describe, expect, it } from 'vitest';
import type { Review } from './review.entity.js';
import { summariseReviews } from './review.summary.js';

const review = (scores: number[], status = 'SUBMITTED') =>
  ({
    status,
    relevance: scores[0],
    depth: scores[1],
    loopClosure: scores[2],
    evidence: scores[3],
    replicability: scores[4],
  }) as Review;

describe('review summary', () => {
  it('averages each criterion and overall over submitted reviews only, with counts', () => {
    const summary = summariseReviews([
      review([5, 4, 3, 2, 1]),
      review([3, 4, 5, 4, 3]),
      review([1, 1, 1, 1, 1], 'DRAFT'),
    ]);
    expect(summary.count).toBe(2);
    expect(summary.criteria.map((c) => [c.criterion, c.mean, c.count])).toEqual([
      ['RELEVANCE', 4, 2],
      ['DEPTH', 4, 2],
      ['LOOP_CLOSURE', 4, 2],
      ['EVIDENCE', 3, 2],
      ['REPLICABILITY', 2, 2],
    ]);
    expect(summary.overall).toEqual({ mean: 3.4, count: 2 });
  });

  it('has no means without reviews', () => {
    expect(summariseReviews([]).overall).toEqual({ mean: null, count: 0 });
  });
});
