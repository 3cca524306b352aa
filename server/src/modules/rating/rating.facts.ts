import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrganisationKind } from '../organisation/organisation.entity.js';
import type { OrganisationFacts } from './rating.engine.js';
import { drainForRead } from './rating.refresh.js';

export interface RatingScope {
  groupId?: string;
  kind?: OrganisationKind;
  region?: string;
}

export const ALL_GROUPS = '00000000-0000-0000-0000-000000000000';

/** Who a rating is about: what leaderboards and exports show without loading the organisation. */
export interface RatingSubject {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  region: string;
}

/**
 * Everything the rating needs about the organisations in scope, with who they are, in one statement
 * over the stored rating inputs (kept current from the outbox, which is drained first): the cost follows
 * the number of organisations compared, never the reviews and practices behind them. Only public data
 * (published practices, submitted reviews, verified disclosures) ever enters those inputs.
 */
export async function loadRatingFacts(
  em: EntityManager,
  scope: RatingScope,
  now: Date,
): Promise<{ subjects: RatingSubject[]; facts: OrganisationFacts[]; groupMean: number | null }> {
  await drainForRead(em, now);
  const scopeId = scope.groupId ?? ALL_GROUPS;
  const where: string[] = [];
  const params: unknown[] = [scopeId];
  if (scope.kind) {
    where.push('o.kind = ?');
    params.push(scope.kind);
  }
  if (scope.region) {
    where.push('o.region = ?');
    params.push(scope.region);
  }
  if (scope.groupId) {
    where.push(
      `exists (select 1 from group_membership m where m.organisation_id = o.id and m.group_id = ? and m.status = 'ACTIVE')`,
    );
    params.push(scope.groupId);
  }
  const [rows, [mean]] = await Promise.all([
    em.execute<
      Array<{
        id: string;
        slug: string;
        name: string;
        kind: OrganisationKind;
        region: string;
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
      `select o.id, o.slug, o.name, o.kind, o.region,
              i.openness_score, i.reviews_given_12m, i.practices_published_12m,
              q.review_total, q.review_count, q.practice_count, q.level_sum, q.closed_loops
         from organisation o
         left join rating_input i on i.organisation_id = o.id
         left join rating_quality q on q.organisation_id = o.id and q.scope_id = ?
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by o.name, o.id`,
      params,
    ),
    em.execute<Array<{ mean: string | null }>>(
      'select sum(review_total) / nullif(sum(review_count), 0) as mean from rating_quality where scope_id = ?',
      [scopeId],
    ),
  ]);
  const subjects = rows.map(({ id, slug, name, kind, region }) => ({ id, slug, name, kind, region }));
  const facts = rows.map((row): OrganisationFacts => {
    const reviewCount = row.review_count ?? 0;
    return {
      organisationId: row.id,
      opennessScore: row.openness_score == null ? null : Number(row.openness_score),
      reviewMean: reviewCount ? Number(row.review_total) / reviewCount : null,
      reviewCount,
      practiceCount: row.practice_count ?? 0,
      levelSum: row.level_sum ?? 0,
      closedLoops: row.closed_loops ?? 0,
      reviewsGiven12m: row.reviews_given_12m ?? 0,
      practicesPublished12m: row.practices_published_12m ?? 0,
    };
  });
  return { subjects, facts, groupMean: mean?.mean == null ? null : Number(mean.mean) };
}
