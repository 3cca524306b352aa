import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation, type OrganisationKind } from '../organisation/organisation.entity.js';
import { computeCompliance, type DisclosureFact } from '../openness/compliance.engine.js';
import { latestStandards } from '../openness/standard.service.js';
import { PARTICIPATION_ORDINAL, type ParticipationLevel } from '../practice/practice.enums.js';
import type { OrganisationFacts } from './rating.engine.js';

export interface RatingScope {
  groupId?: string;
  kind?: OrganisationKind;
  region?: string;
}

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * Everything the rating needs about the organisations in scope, in a fixed number of set-based
 * statements whatever their number; only public data (published practices, submitted reviews,
 * verified disclosures) enters.
 */
export async function loadRatingFacts(
  em: EntityManager,
  scope: RatingScope,
  now: Date,
): Promise<{ organisations: Organisation[]; facts: OrganisationFacts[]; groupMean: number | null }> {
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
  const ids = uuidArray(organisations.map((o) => o.id));
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const practiceFilter = scope.groupId ? 'and p.group_id = ?' : '';
  const groupParams = scope.groupId ? [scope.groupId] : [];
  const [reviews, groupMean, practices, given, published, disclosures, standards] = await Promise.all([
    em.execute<Array<{ organisation_id: string; mean: string; count: string }>>(
      `select p.organisation_id, avg((r.relevance + r.depth + r.loop_closure + r.evidence + r.replicability) / 5.0) as mean, count(*) as count
         from review r join practice p on p.id = r.practice_id
        where r.status = 'SUBMITTED' and p.status = 'PUBLISHED' and p.organisation_id = any(?::uuid[]) ${practiceFilter}
        group by p.organisation_id`,
      [ids, ...groupParams],
    ),
    em.execute<Array<{ mean: string | null }>>(
      `select avg((r.relevance + r.depth + r.loop_closure + r.evidence + r.replicability) / 5.0) as mean
         from review r join practice p on p.id = r.practice_id
        where r.status = 'SUBMITTED' and p.status = 'PUBLISHED' ${practiceFilter}`,
      groupParams,
    ),
    em.execute<
      Array<{ organisation_id: string; participation_level: ParticipationLevel | null; loop_closed: boolean | null }>
    >(
      `select p.organisation_id, p.participation_level, p.loop_closed from practice p
        where p.status = 'PUBLISHED' and p.organisation_id = any(?::uuid[]) ${practiceFilter}`,
      [ids, ...groupParams],
    ),
    em.execute<Array<{ organisation_id: string; count: string }>>(
      `select organisation_id, count(*) as count from review
        where status = 'SUBMITTED' and submitted_at > ? and organisation_id = any(?::uuid[]) group by organisation_id`,
      [yearAgo, ids],
    ),
    em.execute<Array<{ organisation_id: string; count: string }>>(
      `select organisation_id, count(*) as count from practice
        where status = 'PUBLISHED' and published_at > ? and organisation_id = any(?::uuid[]) group by organisation_id`,
      [yearAgo, ids],
    ),
    em.execute<
      Array<{
        organisation_id: string;
        standard_id: string;
        criterion_key: string;
        as_of: string;
        evidence_number: number | null;
      }>
    >(
      `select organisation_id, standard_id, criterion_key, to_char(as_of, 'YYYY-MM-DD') as as_of, evidence_number from disclosure
        where status = 'VERIFIED' and organisation_id = any(?::uuid[])`,
      [ids],
    ),
    latestStandards(em),
  ]);
  const byOrg = <T extends { organisation_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.organisation_id, [...(map.get(row.organisation_id) ?? []), row]);
    return map;
  };
  const reviewsBy = new Map(reviews.map((r) => [r.organisation_id, r]));
  const practicesBy = byOrg(practices);
  const givenBy = new Map(given.map((r) => [r.organisation_id, Number(r.count)]));
  const publishedBy = new Map(published.map((r) => [r.organisation_id, Number(r.count)]));
  const disclosuresBy = byOrg(disclosures);
  const facts = organisations.map((o): OrganisationFacts => {
    const standard = standards.find((s) => s.appliesTo.includes(o.kind));
    const own: DisclosureFact[] = (disclosuresBy.get(o.id) ?? [])
      .filter((d) => d.standard_id === standard?.id)
      .map((d) => ({
        criterionKey: d.criterion_key,
        status: 'VERIFIED',
        asOf: new Date(`${d.as_of}T00:00:00Z`),
        share: d.evidence_number,
      }));
    const ownPractices = practicesBy.get(o.id) ?? [];
    const review = reviewsBy.get(o.id);
    return {
      organisationId: o.id,
      opennessScore: standard ? computeCompliance(standard.definition, o.kind, own, now).score : null,
      reviewMean: review ? Number(review.mean) : null,
      reviewCount: review ? Number(review.count) : 0,
      practiceLevels: ownPractices
        .filter((p) => p.participation_level)
        .map((p) => PARTICIPATION_ORDINAL[p.participation_level!]),
      closedLoops: ownPractices.filter((p) => p.loop_closed).length,
      reviewsGiven12m: givenBy.get(o.id) ?? 0,
      practicesPublished12m: publishedBy.get(o.id) ?? 0,
    };
  });
  const mean = groupMean[0]?.mean;
  return { organisations, facts, groupMean: mean === null || mean === undefined ? null : Number(mean) };
}
