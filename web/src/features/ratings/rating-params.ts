import type { OrganisationKind } from '../../gql/graphql';
import { ORGANISATION_KINDS } from '../practices/practice-list-params';

// The comparison lives in the address (/ratings?kind=NGO&region=…, /ratings?groupId=…), so a
// leaderboard can be bookmarked and shared; the CSV export takes the same parameters.

export interface RatingParams {
  /** A thematic group (its global id); when set, the kind is not used. */
  groupId: string;
  kind: OrganisationKind | '';
  region: string;
}

/** Without a choice, organisations are compared with their own kind: NGOs first. */
export const DEFAULT_KIND: OrganisationKind = 'NGO';

const REGION_MAX = 200;

export function readRatingParams(search: URLSearchParams): RatingParams {
  const groupId = (search.get('groupId') ?? '').trim();
  const kind = search.get('kind') ?? '';
  const region = (search.get('region') ?? '').trim().slice(0, REGION_MAX);
  if (groupId) return { groupId, kind: '', region };
  return {
    groupId: '',
    kind: (ORGANISATION_KINDS as readonly string[]).includes(kind) ? (kind as OrganisationKind) : DEFAULT_KIND,
    region,
  };
}

/** Only the parameters that are set, in a stable order: groupId or kind, then region. */
export function writeRatingParams(params: RatingParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.groupId.trim()) search.set('groupId', params.groupId.trim());
  else if (params.kind) search.set('kind', params.kind);
  const region = params.region.trim();
  if (region) search.set('region', region);
  return search;
}

export function ratingsVariables(params: RatingParams): {
  groupId?: string;
  kind?: OrganisationKind;
  region?: string;
} {
  const region = params.region.trim();
  return {
    ...(params.groupId ? { groupId: params.groupId } : params.kind ? { kind: params.kind } : {}),
    ...(region ? { region } : {}),
  };
}

/** The leaderboard page comparing an organisation with its kind. */
export function ratingsPagePath(kind: OrganisationKind): string {
  return `/ratings?${writeRatingParams({ groupId: '', kind, region: '' }).toString()}`;
}

/** GET /exports/ratings.csv with the same comparison as the page and the reader's language. */
export function ratingsCsvUrl(params: RatingParams, lang: 'ru' | 'en'): string {
  const search = writeRatingParams(params);
  search.set('lang', lang);
  return `/exports/ratings.csv?${search.toString()}`;
}
