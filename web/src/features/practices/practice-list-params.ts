import type { OrganisationKind, ParticipationLevel, PracticeFilter, PracticeSort } from '../../gql/graphql';
import { PARTICIPATION_LEVELS } from './practice-model';

// The practice list's search, filters and order live in the address (/practices?q=…&level=…),
// so that a result list can be bookmarked, shared and reached with Back.

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'NGO',
  'STATE_INSTITUTION',
  'MUNICIPAL_INSTITUTION',
  'OTHER',
];
export const SORTS: readonly PracticeSort[] = ['NEWEST', 'RELEVANCE', 'MOST_REVIEWED', 'BEST_RATED'];

export interface PracticeListParams {
  q: string;
  level: ParticipationLevel | '';
  method: string;
  loop: 'yes' | 'no' | '';
  kind: OrganisationKind | '';
  tag: string;
  sort: PracticeSort | '';
}

export const EMPTY_LIST_PARAMS: PracticeListParams = {
  q: '',
  level: '',
  method: '',
  loop: '',
  kind: '',
  tag: '',
  sort: '',
};

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | '' =>
  value && (allowed as readonly string[]).includes(value) ? (value as T) : '';

export function readListParams(search: URLSearchParams): PracticeListParams {
  return {
    q: (search.get('q') ?? '').slice(0, 200),
    level: oneOf(search.get('level'), PARTICIPATION_LEVELS),
    method: search.get('method') ?? '',
    loop: oneOf(search.get('loop'), ['yes', 'no'] as const),
    kind: oneOf(search.get('kind'), ORGANISATION_KINDS),
    tag: (search.get('tag') ?? '').slice(0, 40),
    sort: oneOf(search.get('sort'), SORTS),
  };
}

/** Only the parameters that are set, in a stable order. */
export function writeListParams(params: PracticeListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(EMPTY_LIST_PARAMS) as Array<keyof PracticeListParams>) {
    const value = params[key].trim();
    if (value) search.set(key, value);
  }
  return search;
}

/** The order actually used: RELEVANCE only makes sense with a search. */
export function effectiveSort(params: PracticeListParams): PracticeSort {
  const q = params.q.trim();
  if (!params.sort) return q ? 'RELEVANCE' : 'NEWEST';
  if (params.sort === 'RELEVANCE' && !q) return 'NEWEST';
  return params.sort;
}

export function listVariables(params: PracticeListParams): {
  search?: string;
  filter: PracticeFilter;
  sort: PracticeSort;
} {
  const filter: PracticeFilter = {};
  if (params.level) filter.participationLevel = params.level;
  if (params.method) filter.methodKey = params.method;
  if (params.loop) filter.loopClosed = params.loop === 'yes';
  if (params.kind) filter.organisationKind = params.kind;
  if (params.tag.trim()) filter.tag = params.tag.trim();
  const q = params.q.trim();
  return { ...(q ? { search: q } : {}), filter, sort: effectiveSort(params) };
}
