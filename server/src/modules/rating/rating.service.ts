import type { EntityManager } from '@mikro-orm/postgresql';
import { computeRatings, rank, type Component, type RatingParameters, type RatingResult } from './rating.engine.js';
import { loadRatingFacts, type RatingScope, type RatingSubject } from './rating.facts.js';
import { ratingParameters } from './rating.parameters.js';
import type { OrganisationRating, RatingComponent } from './rating.resolver.js';
import { DataVersionCache } from '../../common/cache/data-version-cache.js';

const component = (c: Component, weight: number): RatingComponent => ({
  score: c.score,
  sample: c.sample,
  weight,
  points: Math.round((c.score ?? 0) * weight * 100) / 100,
});

function toView(
  result: RatingResult,
  subject: RatingSubject,
  ranks: Map<string, number>,
  p: RatingParameters,
): OrganisationRating {
  return {
    subject,
    composite: result.composite,
    rank: ranks.get(result.organisationId) ?? null,
    enoughData: result.enoughData,
    openness: component(result.openness, p.weights.openness),
    practiceQuality: component(result.practiceQuality, p.weights.practiceQuality),
    engagementDepth: component(result.engagementDepth, p.weights.engagementDepth),
    contribution: component(result.contribution, p.weights.contribution),
  };
}

/** Leaderboards by scope, forgotten on every committed write (they rest on public data only). */
export class RatingsCache extends DataVersionCache<OrganisationRating[]> {}

/** Ratings of the organisations in scope, best first, ranked among themselves; from `cache` when current there. */
export async function ratingsIn(
  em: EntityManager,
  now: Date,
  scope: RatingScope,
  cache?: RatingsCache,
): Promise<OrganisationRating[]> {
  const key = JSON.stringify([scope.groupId ?? null, scope.kind ?? null, scope.region ?? null]);
  const cached = cache?.get(key);
  if (cached) return cached;
  const version = cache?.version;
  const ratings = await computeRatingsIn(em, now, scope);
  if (version !== undefined) cache?.set(key, version, ratings);
  return ratings;
}

async function computeRatingsIn(em: EntityManager, now: Date, scope: RatingScope): Promise<OrganisationRating[]> {
  const params = await ratingParameters();
  const { subjects, facts, groupMean } = await loadRatingFacts(em, scope, now);
  const results = computeRatings(facts, groupMean, params);
  const ranks = rank(results);
  const byId = new Map(subjects.map((o) => [o.id, o]));
  return results
    .map((r) => toView(r, byId.get(r.organisationId)!, ranks, params))
    .sort(
      (a, b) =>
        Number(b.enoughData) - Number(a.enoughData) ||
        b.composite - a.composite ||
        a.subject.name.localeCompare(b.subject.name),
    );
}
