import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganisationKind } from '../organisation/organisation.entity.js';
import { ALL_GROUPS } from './rating.facts.js';
import { recomputeAllRatings, uuidArray } from './rating.refresh.js';
import { ratingsIn } from './rating.service.js';
import type { OrganisationRating } from './rating.resolver.js';

export type SnapshotReason = 'MONTHLY' | 'ON_DEMAND';

export interface SnapshotSummary {
  id: string;
  takenAt: Date;
  reason: SnapshotReason;
  entries: number;
}

const pgArray = (values: ReadonlyArray<string | number | boolean | null>) =>
  `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;

/**
 * Records every organisation's rating as it stands: among its kind (scope: all groups) and within each
 * thematic group it is an ACTIVE member of, with ranks as the leaderboards show them. Returns null when
 * a MONTHLY snapshot of this month exists already (another process took it).
 */
export async function takeRatingSnapshot(
  em: EntityManager,
  now: Date,
  reason: SnapshotReason,
  takenBy: string | null,
): Promise<SnapshotSummary | null> {
  const groups = await em.execute<Array<{ id: string }>>('select id from thematic_group order by id');
  const scoped: Array<[string, OrganisationRating[]]> = [];
  for (const kind of Object.values(OrganisationKind)) scoped.push([ALL_GROUPS, await ratingsIn(em, now, { kind })]);
  for (const group of groups) scoped.push([group.id, await ratingsIn(em, now, { groupId: group.id })]);
  const rows = scoped.flatMap(([scopeId, ratings]) => ratings.map((r) => ({ scopeId, r })));
  const [recorded] = await em.execute<Array<{ id: string | null }>>(
    `select rating_snapshot_record(?, ?, ?, ?::uuid[], ?::uuid[], ?::numeric[], ?::numeric[], ?::numeric[],
                                   ?::numeric[], ?::numeric[], ?::int[], ?::boolean[]) as id`,
    [
      reason,
      now,
      takenBy,
      uuidArray(rows.map((x) => x.r.subject.id)),
      uuidArray(rows.map((x) => x.scopeId)),
      pgArray(rows.map((x) => x.r.composite)),
      pgArray(rows.map((x) => x.r.openness.score)),
      pgArray(rows.map((x) => x.r.practiceQuality.score)),
      pgArray(rows.map((x) => x.r.engagementDepth.score)),
      pgArray(rows.map((x) => x.r.contribution.score)),
      pgArray(rows.map((x) => x.r.rank)),
      pgArray(rows.map((x) => x.r.enoughData)),
    ],
  );
  if (!recorded?.id) return null;
  return { id: recorded.id, takenAt: now, reason, entries: rows.length };
}

/**
 * Periodic upkeep, safe to run in every process: a full recompute when stored inputs are a day old
 * (the 12-month window and expiring disclosures move with time), and the month's snapshot when missing.
 */
export async function maintainRatings(
  em: EntityManager,
  now: Date,
): Promise<{ recomputed: boolean; snapshot: SnapshotSummary | null }> {
  const [state] = await em.execute<Array<{ stale: boolean; monthly: boolean }>>(
    `select exists (select 1 from rating_input where refreshed_at < ?::timestamptz - interval '1 day') as stale,
            exists (select 1 from rating_snapshot where reason = 'MONTHLY'
                     and period = date_trunc('month', ?::timestamptz at time zone 'UTC')::date) as monthly`,
    [now, now],
  );
  let recomputed = false;
  if (state!.stale || !state!.monthly) {
    await recomputeAllRatings(em, now);
    recomputed = true;
  }
  const snapshot = state!.monthly ? null : await takeRatingSnapshot(em, now, 'MONTHLY', null);
  return { recomputed, snapshot };
}

export interface RatingHistoryPoint {
  takenAt: Date;
  reason: SnapshotReason;
  composite: number;
  rank: number | null;
  enoughData: boolean;
  openness: number | null;
  practiceQuality: number | null;
  engagementDepth: number | null;
  contribution: number | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

/** An organisation's recorded ratings in a scope (its kind, or a group), oldest first, at most `last`. */
export async function ratingHistory(
  em: EntityManager,
  organisationId: string,
  scopeId: string,
  last: number,
): Promise<RatingHistoryPoint[]> {
  const rows = await em.execute<
    Array<{
      taken_at: Date;
      reason: SnapshotReason;
      composite: string;
      rank: number | null;
      enough_data: boolean;
      openness: string | null;
      practice_quality: string | null;
      engagement_depth: string | null;
      contribution: string | null;
    }>
  >(
    `select * from (
       select s.taken_at, s.reason, e.composite, e.rank, e.enough_data, e.openness, e.practice_quality,
              e.engagement_depth, e.contribution
         from rating_snapshot_entry e join rating_snapshot s on s.id = e.snapshot_id
        where e.organisation_id = ? and e.scope_id = ?
        order by s.taken_at desc limit ?) recent
     order by taken_at`,
    [organisationId, scopeId, last],
  );
  return rows.map((r) => ({
    takenAt: new Date(r.taken_at),
    reason: r.reason,
    composite: Number(r.composite),
    rank: r.rank,
    enoughData: r.enough_data,
    openness: num(r.openness),
    practiceQuality: num(r.practice_quality),
    engagementDepth: num(r.engagement_depth),
    contribution: num(r.contribution),
  }));
}

export interface DistributionBin {
  from: number;
  to: number;
  count: number;
}

/** Composites of the ranked organisations in bins of `width` points over 0–100 (the last bin includes 100). */
export function distribution(ratings: OrganisationRating[], width: number): DistributionBin[] {
  const bins: DistributionBin[] = [];
  for (let from = 0; from < 100; from += width) bins.push({ from, to: Math.min(from + width, 100), count: 0 });
  for (const r of ratings) {
    if (!r.enoughData) continue;
    const index = Math.min(Math.floor(r.composite / width), bins.length - 1);
    bins[index]!.count += 1;
  }
  return bins;
}
