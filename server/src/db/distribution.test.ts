import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import {
  CITUS_SQL_FILE,
  citusDistributionSql,
  DISTRIBUTION,
  distributionProblems,
  readCatalog,
  type Distribution,
} from './distribution.js';

/**
 * The schema stays shardable by organisation (Citus): every table placed, every sharded table's primary key,
 * unique constraints and foreign keys carrying its shard key, the SQL in ops/citus made from the placement.
 */

let db: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.ownerUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

const problems = async (distribution: Distribution = DISTRIBUTION) =>
  distributionProblems(await readCatalog(client), distribution);

describe('the schema is distributable by organisation', () => {
  it('places every table, and every key of a sharded table carries its shard key', async () => {
    const catalog = await readCatalog(client);
    expect(catalog.size).toBeGreaterThan(30);
    expect(catalog.get('practice')?.uniques.find((u) => u.name === 'practice_pkey')?.columns).toEqual([
      'id',
      'organisation_id',
    ]);
    expect(await problems()).toEqual([]);
  });

  it('keeps ops/citus/distribute.sql equal to the placement (run `pnpm citus:sql` after changing it)', async () => {
    expect(await readFile(CITUS_SQL_FILE, 'utf8')).toBe(citusDistributionSql(DISTRIBUTION));
  });

  it('names each problem a migration could bring', async () => {
    await client.query(`
      begin;
      create table unplaced_note (id uuid primary key);
      create table loose_note (id uuid primary key, organisation_id uuid);
      create table linked_note (
        id uuid, organisation_id uuid not null, practice_id uuid, practice_organisation_id uuid,
        primary key (id, organisation_id),
        constraint linked_note_practice_fkey foreign key (practice_organisation_id, practice_id)
          references practice (organisation_id, id));
      alter table practice_revision drop constraint practice_revision_number_unique,
        add constraint practice_revision_number_unique unique (practice_id, number);
      create unique index comment_edit_one_body on comment_edit (comment_id, md5(body));
      alter table review drop constraint review_practice_fkey;
    `);
    try {
      const [tenants, ...others] = DISTRIBUTION.sharded;
      const found = await problems({
        ...DISTRIBUTION,
        sharded: [{ ...tenants!, tables: [...tenants!.tables, 'loose_note', 'linked_note'] }, ...others],
      });
      expect(found).toEqual(
        expect.arrayContaining([
          'unplaced_note is not placed: add it to a shard group, the reference or the local tables',
          'loose_note has no non-null organisation_id',
          'loose_note.loose_note_pkey does not include organisation_id',
          'linked_note.linked_note_practice_fkey pairs practice_organisation_id with practice.organisation_id: ' +
            'use organisation_id, or list it as crossing shards',
          'practice_revision.practice_revision_number_unique does not include organisation_id',
          'comment_edit.comment_edit_one_body does not include organisation_id',
          'review.review_practice_fkey is listed as crossing shards but is not a foreign key',
        ]),
      );
      expect(found).toHaveLength(7);

      const misplaced = await problems({
        ...DISTRIBUTION,
        sharded: [{ ...tenants!, tables: ['practice_method', ...tenants!.tables] }, ...others],
        reference: [...DISTRIBUTION.reference, 'practice', 'unplaced_note', 'loose_note', 'linked_note'],
      });
      expect(misplaced).toEqual(
        expect.arrayContaining([
          'practice_method is placed more than once',
          'practice is placed more than once',
          'practice_method.practice_method_practice_fkey: practice must come before practice_method in its shard group',
        ]),
      );
    } finally {
      await client.query('rollback');
    }
    expect(await problems()).toEqual([]);
  });
});
