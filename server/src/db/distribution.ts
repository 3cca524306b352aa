import path from 'node:path';
import type pg from 'pg';

/** The SQL made from DISTRIBUTION (`pnpm citus:sql`). */
export const CITUS_SQL_FILE = path.resolve(import.meta.dirname, '../../../ops/citus/distribute.sql');

/**
 * Where every table goes when the database is sharded with Citus (ops/citus/ has the SQL made from this and
 * the trade-offs). distribution.test.ts reads the catalog against it: a new table must be placed here, and a
 * sharded table must carry its key in its primary key, its unique constraints and its foreign keys.
 */
export interface ShardGroup {
  /** The shard key; the tables of a group are co-located (rows with one key value live on one node). */
  column: string;
  /** In creation order: a table comes after the tables its foreign keys point at. */
  tables: string[];
}

export interface CrossShardReference {
  table: string;
  constraint: string;
  /** What the reference is (on a cluster the key is dropped; see CROSS_SHARD_KEPT_BY). */
  why: string;
}

/** What keeps a cross-shard reference true on a cluster, where its foreign key is dropped. */
export const CROSS_SHARD_KEPT_BY =
  'practices, revisions, reviews and comments are never deleted, and every mutation writing such a reference reads its target first in the same transaction';

export interface Distribution {
  sharded: ShardGroup[];
  /** Shared catalogues: small, read by everyone, changed rarely; a full copy on every node. */
  reference: string[];
  /** Bookkeeping of the schema owner, on the coordinator only. */
  local: string[];
  /** Foreign keys between rows of different shard keys (the target's key is a column of the referencing row). */
  crossShard: CrossShardReference[];
}

export const DISTRIBUTION: Distribution = {
  sharded: [
    {
      column: 'organisation_id',
      tables: [
        'member',
        'invitation',
        'group_membership',
        'service_account',
        'organisation_audit_event',
        'idempotency_key',
        'practice',
        'practice_method',
        'practice_revision',
        'review',
        'review_edition',
        'review_response',
        'comment',
        'comment_edit',
        'comment_report',
        'disclosure',
        'compliance_snapshot',
        'rating_input',
        'rating_quality',
        'rating_outbox',
        'rating_snapshot_entry',
        'webhook_subscription',
        'webhook_delivery',
        'webhook_delivery_attempt',
      ],
    },
    { column: 'recipient_subject', tables: ['notification', 'notification_outbox'] },
  ],
  reference: [
    'organisation',
    'thematic_group',
    'group_moderator',
    'feedback_method',
    'openness_standard',
    'rating_snapshot',
    'platform_audit_event',
    'app_setting',
  ],
  local: ['mikro_orm_migrations', 'seed_run'],
  crossShard: [
    { table: 'review', constraint: 'review_practice_fkey', why: "a review of another organisation's practice" },
    { table: 'review', constraint: 'review_revision_fkey', why: 'the revision the review is of' },
    { table: 'review_response', constraint: 'review_response_review_fkey', why: "the practice's answer to a review" },
    { table: 'comment', constraint: 'comment_practice_fkey', why: 'a comment on any practice' },
    { table: 'comment', constraint: 'comment_review_fkey', why: 'a comment on any review' },
    { table: 'comment', constraint: 'comment_parent_fkey', why: 'a reply to any comment' },
  ],
};

interface CatalogTable {
  name: string;
  notNull: Set<string>;
  /** Primary key, unique constraints and unique indexes: name → columns (expressions as null). */
  uniques: Array<{ name: string; columns: Array<string | null> }>;
  foreignKeys: Array<{ name: string; columns: string[]; target: string; targetColumns: string[] }>;
  hasPrimaryKey: boolean;
}

/** The tables of the public schema with their keys, as the catalog has them. */
export async function readCatalog(client: pg.ClientBase): Promise<Map<string, CatalogTable>> {
  const tables = new Map<string, CatalogTable>();
  const { rows: relations } = await client.query<{ name: string; not_null: string[] }>(`
    select c.relname as name,
           coalesce(array_agg(a.attname::text) filter (where a.attnotnull), '{}') as not_null
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where n.nspname = 'public' and c.relkind in ('r', 'p')
     group by c.relname`);
  for (const { name, not_null } of relations) {
    tables.set(name, { name, notNull: new Set(not_null), uniques: [], foreignKeys: [], hasPrimaryKey: false });
  }
  const { rows: uniques } = await client.query<{
    table: string;
    name: string;
    columns: Array<string | null>;
    primary: boolean;
  }>(`
    select t.relname as table, i.relname as name, x.indisprimary as primary,
           array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(attnum, n)
                   left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum and k.attnum > 0
                  order by k.n) as columns
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = 'public' and x.indisunique`);
  for (const unique of uniques) {
    const table = tables.get(unique.table);
    if (!table) continue;
    table.uniques.push({ name: unique.name, columns: unique.columns });
    if (unique.primary) table.hasPrimaryKey = true;
  }
  const { rows: keys } = await client.query<{
    table: string;
    name: string;
    columns: string[];
    target: string;
    target_columns: string[];
  }>(`
    select c.conrelid::regclass::text as table, c.conname as name, c.confrelid::regclass::text as target,
           array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns,
           array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, n)
                   join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.n) as target_columns
      from pg_constraint c
     where c.contype = 'f' and c.connamespace = 'public'::regnamespace`);
  for (const key of keys) {
    tables.get(key.table)?.foreignKeys.push({
      name: key.name,
      columns: key.columns,
      target: key.target,
      targetColumns: key.target_columns,
    });
  }
  return tables;
}

type Placement =
  { kind: 'sharded'; column: string; position: number } | { kind: 'reference'; position: number } | { kind: 'local' };

function placements(distribution: Distribution): Map<string, Placement[]> {
  const placed = new Map<string, Placement[]>();
  const place = (table: string, placement: Placement) => placed.set(table, [...(placed.get(table) ?? []), placement]);
  for (const group of distribution.sharded) {
    group.tables.forEach((table, position) => place(table, { kind: 'sharded', column: group.column, position }));
  }
  distribution.reference.forEach((table, position) => place(table, { kind: 'reference', position }));
  for (const table of distribution.local) place(table, { kind: 'local' });
  return placed;
}

/**
 * What keeps the catalog from being distributed as `distribution` says, one sentence per problem; empty when
 * every table is placed once and every key carries its shard column (what Citus requires of
 * create_distributed_table and create_reference_table).
 */
export function distributionProblems(catalog: Map<string, CatalogTable>, distribution: Distribution): string[] {
  const problems: string[] = [];
  const placed = placements(distribution);
  const crossShard = new Map(distribution.crossShard.map((reference) => [reference.constraint, reference]));
  for (const [name, at] of placed) {
    if (at.length > 1) problems.push(`${name} is placed more than once`);
    if (!catalog.has(name)) problems.push(`${name} is placed but is not a table`);
  }
  for (const reference of distribution.crossShard) {
    const table = catalog.get(reference.table);
    if (!table?.foreignKeys.some((key) => key.name === reference.constraint)) {
      problems.push(`${reference.table}.${reference.constraint} is listed as crossing shards but is not a foreign key`);
    }
  }
  for (const table of catalog.values()) {
    const placement = placed.get(table.name)?.[0];
    if (!placement) {
      problems.push(`${table.name} is not placed: add it to a shard group, the reference or the local tables`);
      continue;
    }
    if (placement.kind === 'local') continue;
    if (!table.hasPrimaryKey) problems.push(`${table.name} has no primary key`);
    for (const key of table.foreignKeys) {
      const target = placed.get(key.target)?.[0];
      const where = `${table.name}.${key.name}`;
      if (!target) continue; // reported as unplaced
      if (target.kind === 'local') {
        problems.push(`${where} points at ${key.target}, which stays on the coordinator`);
        continue;
      }
      if (placement.kind === 'reference') {
        if (target.kind !== 'reference') problems.push(`${where}: a reference table points at sharded ${key.target}`);
        else if (target.position > placement.position) {
          problems.push(`${where}: ${key.target} must come before ${table.name} among the reference tables`);
        }
        continue;
      }
      if (target.kind === 'reference') continue;
      if (target.position > placement.position && target.column === placement.column) {
        problems.push(`${where}: ${key.target} must come before ${table.name} in its shard group`);
      }
      const shardKeyAt = key.targetColumns.indexOf(target.column);
      const listed = crossShard.get(key.name);
      if (shardKeyAt < 0) {
        problems.push(`${where} does not include ${key.target}.${target.column}`);
      } else if (key.columns[shardKeyAt] === placement.column && target.column === placement.column) {
        if (listed) problems.push(`${where} stays within a shard but is listed as crossing shards`);
      } else if (!listed) {
        problems.push(
          `${where} pairs ${key.columns[shardKeyAt]} with ${key.target}.${target.column}: ` +
            `use ${placement.column}, or list it as crossing shards`,
        );
      }
    }
    if (placement.kind !== 'sharded') continue;
    if (!table.notNull.has(placement.column)) {
      problems.push(`${table.name} has no non-null ${placement.column}`);
    }
    for (const unique of table.uniques) {
      if (!unique.columns.includes(placement.column)) {
        problems.push(`${table.name}.${unique.name} does not include ${placement.column}`);
      }
    }
  }
  return problems;
}

function quoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The SQL that distributes a migrated database on a Citus coordinator (ops/citus/distribute.sql). */
export function citusDistributionSql(distribution: Distribution): string {
  const lines = [
    '-- Generated from server/src/db/distribution.ts by `pnpm citus:sql`; distribution.test.ts keeps the two equal.',
    '-- Run once on the Citus coordinator, as the schema owner, after `pnpm db:migrate` and before the API starts.',
    '-- ops/citus/README.md says what it changes and what a cluster costs.',
    '',
    '\\set ON_ERROR_STOP on',
    '-- The schema keeps data-change, rating and webhook triggers on these tables.',
    'set citus.enable_unsafe_triggers to on;',
    '',
    '-- Foreign keys between rows of different organisations: a cluster keeps keys within a shard only.',
    `-- Kept true without them: ${CROSS_SHARD_KEPT_BY}.`,
  ];
  for (const reference of distribution.crossShard) {
    lines.push(`alter table ${reference.table} drop constraint if exists ${reference.constraint}; -- ${reference.why}`);
  }
  lines.push('', '-- Shared catalogues: a copy on every node.');
  for (const table of distribution.reference) lines.push(`select create_reference_table(${quoted(table)});`);
  for (const group of distribution.sharded) {
    const [first, ...rest] = group.tables;
    if (!first) continue;
    lines.push('', `-- Sharded by ${group.column}, co-located with ${first}.`);
    lines.push(`select create_distributed_table(${quoted(first)}, ${quoted(group.column)});`);
    for (const table of rest) {
      lines.push(
        `select create_distributed_table(${quoted(table)}, ${quoted(group.column)}, colocate_with => ${quoted(first)});`,
      );
    }
  }
  lines.push('', `-- ${distribution.local.join(', ')}: the schema owner's bookkeeping, left on the coordinator.`, '');
  return lines.join('\n');
}
