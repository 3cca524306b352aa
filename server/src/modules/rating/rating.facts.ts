import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation, type OrganisationKind } from '../organisation/organisation.entity.js';
import type { OrganisationFacts } from './rating.engine.js';
import { drainRatingOutbox, uuidArray } from './rating.refresh.js';

export interface RatingScope {
  groupId?: string;
  kind?: OrganisationKind;
  region?: string;
}

export const ALL_GROUPS = '00000000-0000-0000-0000-000000000000';

/**
 * Everything the rating needs about the organisations in scope, read from the stored rating inputs
 * (kept current from the outbox, which is drained first): a fixed number of statements whatever the
 * amount of reviews and practices behind them. Only public data (published practices, submitted reviews,
 * verified disclosures) ever enters those inputs.
 */
export async function loadRatingFacts(
  em: EntityManager,
  scope: RatingScope,
  now: Date,
): Promise<{ organisations: Organisation[]; facts: OrganisationFacts[]; groupMean: number | null }> {
  await drainRatingOutbox(em, now);
  const organisations = await em.find(
    Organisation,
    {
      ...(scope.kind ? { kind: scope.kind } : {}),
      ...(scope.region ? { region: scope.region } : {}),
      ...(scope.groupId
        ? {
            id: {
              $in: (
                await em.execute<Array<{ organisation_id: string }>>(
                  `select organisation_id from group_membership where group_id = ? and status = 'ACTIVE'`,
                  [scope.groupId],
                )
              ).map((r) => r.organisation_id),
            },
          }
        : {}),
    },
    { orderBy: { name: 'asc' } },
  );
  const scopeId = scope.groupId ?? ALL_GROUPS;
  const [rows, [mean]] = await Promise.all([
    em.execute<
      Array<{
        id: string;
        openness_score: string | null;
        reviews_given_12m: number | null;
        practices_published_12m: number | null;
        review_total: string | null;
        review_count: number | null;
        practice_count: number | null;
        level_sum: number | null;
        closed_loops: number | null;
      }>
    >(
      `select x.id, i.openness_score, i.reviews_given_12m, i.practices_published_12m,
              q.review_total, q.review_count, q.practice_count, q.level_sum, q.closed_loops
         from unnest(?::uuid[]) as x (id)
         left join rating_input i on i.organisation_id = x.id
         left join rating_quality q on q.organisation_id = x.id and q.scope_id = ?`,
      [uuidArray(organisations.map((o) => o.id)), scopeId],
    ),
    em.execute<Array<{ mean: string | null }>>(
      'select sum(review_total) / nullif(sum(review_count), 0) as mean from rating_quality where scope_id = ?',
      [scopeId],
    ),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const facts = organisations.map((o): OrganisationFacts => {
    const row = byId.get(o.id);
    const reviewCount = row?.review_count ?? 0;
    return {
      organisationId: o.id,
      opennessScore: row?.openness_score == null ? null : Number(row.openness_score),
      reviewMean: reviewCount ? Number(row!.review_total) / reviewCount : null,
      reviewCount,
      practiceCount: row?.practice_count ?? 0,
      levelSum: row?.level_sum ?? 0,
      closedLoops: row?.closed_loops ?? 0,
      reviewsGiven12m: row?.reviews_given_12m ?? 0,
      practicesPublished12m: row?.practices_published_12m ?? 0,
    };
  });
  return { organisations, facts, groupMean: mean?.mean == null ? null : Number(mean.mean) };
}
