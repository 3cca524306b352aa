import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchLoader } from '../../common/graphql/batch-loader.js';
import { Review, ReviewEdition, ReviewResponse } from './review.entity.js';

const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};

/** Per-request loaders for reviews under practices; one statement per list. */
export function createReviewLoaders(em: EntityManager) {
  return {
    /** Reviews of each practice visible to the actor (submitted ones, and its own organisation's drafts), oldest first. */
    practiceReviews: new BatchLoader<string, Review[]>(async (practiceIds) =>
      groupBy(
        await em.find(Review, { practiceId: { $in: practiceIds } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
        (r) => r.practiceId,
      ),
    ),
    reviewEditions: new BatchLoader<string, ReviewEdition[]>(async (reviewIds) =>
      groupBy(
        await em.find(ReviewEdition, { reviewId: { $in: reviewIds } }, { orderBy: { number: 'desc' } }),
        (e) => e.reviewId,
      ),
    ),
    reviewResponse: new BatchLoader<string, ReviewResponse>(async (reviewIds) => {
      const rows = await em.find(ReviewResponse, { reviewId: { $in: reviewIds } });
      return new Map(rows.map((r) => [r.reviewId, r]));
    }),
  };
}
