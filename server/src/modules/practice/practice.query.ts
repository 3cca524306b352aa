import { detachedEntities, entityColumns } from '../../common/db/detached.js';
import { badInput } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import { countWhenAsked, decodeCursor, encodeCursor, pageSize } from '../../common/graphql/pagination.js';
import { activeOrganisationId } from '../../common/tenancy/actor.js';
import type { Context } from '../../context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { ThematicGroup } from '../thematic-group/thematic-group.entity.js';
import type { PracticeConnection, PracticesArgs, TextSegment } from './dto/practice.connection.js';
import { Practice } from './practice.entity.js';
import { PracticeSort, PracticeStatus } from './practice.enums.js';
import { canSeePractice } from './practice.policy.js';

const MARK_START = '\u0002';
const MARK_END = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=30, MinWords=12`;

/** Splits ts_headline output at its markers into plain-text segments (no HTML ever leaves the server). */
export function toSegments(headline: string | null | undefined): TextSegment[] {
  if (!headline) return [];
  const segments: TextSegment[] = [];
  for (const [i, part] of headline.split(new RegExp(`[${MARK_START}${MARK_END}]`)).entries()) {
    if (part) segments.push({ text: part, highlighted: i % 2 === 1 });
  }
  return segments;
}

/** A practice by id, or null when it does not exist or is a draft of another organisation. */
export async function findVisiblePractice(ctx: Context, id: string): Promise<Practice | null> {
  const practice = await ctx.em.findOne(Practice, { id });
  return practice && canSeePractice(ctx.actor, practice) ? practice : null;
}

type Row = Record<string, unknown> & { sort_key: string; headline: string | null };

/**
 * One statement for the page (and one for the count, when asked for), whatever the filters: the conditions are
 * built as SQL with parameters; row-level security still hides other organisations' drafts.
 */
export async function listPractices(ctx: Context, args: PracticesArgs): Promise<PracticeConnection> {
  const size = pageSize(args);
  const after = decodeCursor(args.after);
  const filter = args.filter ?? {};
  const search = args.search?.trim() || undefined;
  if (search && search.length > 200)
    throw badInput(['search'], { ru: 'Слишком длинный запрос', en: 'Search text is too long' });
  const sort = args.sort ?? (search ? PracticeSort.RELEVANCE : PracticeSort.NEWEST);
  const status = filter.status ?? PracticeStatus.PUBLISHED;

  const where: string[] = ['p.status = ?'];
  const params: unknown[] = [status];
  if (status === PracticeStatus.DRAFT) {
    where.push('p.organisation_id = ?');
    params.push(activeOrganisationId(ctx.actor) ?? '00000000-0000-0000-0000-000000000000');
  }
  if (filter.groupId) {
    where.push('p.group_id = ?');
    params.push(parseGlobalId(filter.groupId, ThematicGroup.typename, ['filter', 'groupId']));
  }
  if (filter.organisationId) {
    where.push('p.organisation_id = ?');
    params.push(parseGlobalId(filter.organisationId, Organisation.typename, ['filter', 'organisationId']));
  }
  if (filter.organisationKind) {
    where.push('o.kind = ?');
    params.push(filter.organisationKind);
  }
  if (filter.region) {
    where.push('o.region = ?');
    params.push(filter.region);
  }
  if (filter.participationLevel) {
    where.push('p.participation_level = ?');
    params.push(filter.participationLevel);
  }
  if (filter.loopClosed !== undefined && filter.loopClosed !== null) {
    where.push(filter.loopClosed ? 'p.loop_closed' : 'p.loop_closed is not true');
  }
  if (filter.tag) {
    where.push('? = any(p.tags)');
    params.push(filter.tag.trim().toLowerCase());
  }
  if (filter.methodKey) {
    where.push(
      'exists (select 1 from practice_method pm join feedback_method fm on fm.id = pm.method_id where pm.practice_id = p.id and fm.key = ?)',
    );
    params.push(filter.methodKey);
  }
  if (search) {
    where.push(`p.search @@ websearch_to_tsquery('russian', ?)`);
    params.push(search);
  }

  const relevance = sort === PracticeSort.RELEVANCE && search;
  const published = `to_char(coalesce(p.published_at, p.updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  // Sort keys are strings that order like the values they encode, so one keyset cursor serves every sort.
  const sortKey = relevance
    ? `to_char(ts_rank_cd(p.search, websearch_to_tsquery('russian', ?)), 'FM00000.000000000')`
    : sort === PracticeSort.MOST_REVIEWED
      ? `lpad(p.review_count::text, 10, '0') || '|' || ${published}`
      : sort === PracticeSort.BEST_RATED
        ? `to_char(coalesce(p.review_score, 0), 'FM0.00') || '|' || lpad(p.review_count::text, 10, '0') || '|' || ${published}`
        : published;
  const sortParams = relevance ? [search] : [];
  const from = `from practice p join organisation o on o.id = p.organisation_id where ${where.join(' and ')}`;

  // NEWEST orders by the timestamp itself, so practice_newest_idx serves the page without sorting every row;
  // its text sort key orders the same way and stays the cursor.
  const newest = !relevance && sort === PracticeSort.NEWEST;
  const orderBy = newest ? 'coalesce(p.published_at, p.updated_at) desc, p.id desc' : 'sort_key desc, p.id desc';
  const pageWhere = !after
    ? ''
    : newest
      ? ` and (coalesce(p.published_at, p.updated_at), p.id) < ((?::timestamp) at time zone 'UTC', ?::uuid)`
      : ` and (${sortKey} < ? or (${sortKey} = ? and p.id < ?))`;
  const pageParams = !after
    ? []
    : newest
      ? [after.value, after.id]
      : [...sortParams, after.value, ...sortParams, after.value, after.id];
  const headline = search
    ? `ts_headline('russian', regexp_replace(p.title || '. ' || p.summary || ' ' || coalesce(p.content->>'problem', ''), '[*_#>\`~]+', '', 'g'),
        websearch_to_tsquery('russian', ?), '${HEADLINE_OPTIONS}')`
    : 'null';
  const rows = await ctx.em.execute<Row[]>(
    `select ${entityColumns(ctx.em, Practice, 'p')}, ${sortKey} as sort_key, ${headline} as headline ${from}${pageWhere} order by ${orderBy} limit ?`,
    [...sortParams, ...(search ? [search] : []), ...params, ...pageParams, size + 1],
  );
  const page = rows.slice(0, size);
  const nodes = detachedEntities(ctx.em, Practice, page);
  const edges = page.map((row, i) => ({
    node: nodes[i]!,
    cursor: encodeCursor({ value: row.sort_key, id: String(row.id) }),
    highlight: toSegments(row.headline),
  }));
  const connection = {
    edges,
    totalCount: 0,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
  return countWhenAsked(connection, async () => {
    const [counted] = await ctx.em.execute<Array<{ count: string }>>(`select count(*) as count ${from}`, params);
    return Number(counted?.count ?? 0);
  });
}
