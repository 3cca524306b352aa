import 'reflect-metadata';
import pg from 'pg';
import { createOrm } from '../../server/src/db/orm.js';
import { OrganisationKind } from '../../server/src/modules/organisation/organisation.entity.js';
import { drainRatingOutbox, recomputeAllRatings } from '../../server/src/modules/rating/rating.refresh.js';
import { ratingsIn } from '../../server/src/modules/rating/rating.service.js';
import { benchDatabase } from './database.js';
import { GENERATED_AT, type Scale } from './generate.js';
import { fmt, median, table, timed, writeReport } from './report.js';

/** The same aggregates the rating rests on, in one hand-written statement that writes nothing: the floor. */
const FLOOR_SQL = `
with rv as (
  select practice_id, count(*) as n, sum((relevance + depth + loop_closure + evidence + replicability) / 5.0) as total
    from review where status = 'SUBMITTED' group by practice_id),
pq as (
  select p.organisation_id, p.group_id, sum(coalesce(rv.total, 0)) as total, sum(coalesce(rv.n, 0)) as n,
         count(p.participation_level) as practices, sum(participation_ordinal(p.participation_level)) as levels,
         count(*) filter (where p.loop_closed) as loops
    from practice p left join rv on rv.practice_id = p.id
   where p.status = 'PUBLISHED'
   group by grouping sets ((p.organisation_id, p.group_id), (p.organisation_id))),
given as (select organisation_id, count(*) as n from review
           where status = 'SUBMITTED' and submitted_at > $1::timestamptz - interval '365 days' group by organisation_id),
pub as (select organisation_id, count(*) as n from practice
         where status = 'PUBLISHED' and published_at > $1::timestamptz - interval '365 days' group by organisation_id),
disc as (select organisation_id, count(*) as n from disclosure where status = 'VERIFIED' group by organisation_id)
select pq.*, given.n as given, pub.n as published, disc.n as disclosed
  from pq left join given using (organisation_id) left join pub using (organisation_id)
  left join disc using (organisation_id)`;

const ROUNDS = 3;

/**
 * Times a full rating recompute (as the application role, through the application's code) against one
 * raw SQL aggregate pass over the same tables, alternating, and the incremental refresh of one event.
 */
export async function benchRatings(scale: Scale): Promise<void> {
  const db = await benchDatabase(scale);
  const orm = await createOrm({ url: db.appUrl });
  // The floor runs as the tables' owner: no row-level security, nothing but the aggregate itself.
  const floorClient = new pg.Client({ connectionString: db.ownerUrl });
  await floorClient.connect();
  const ownerClient = new pg.Client({ connectionString: db.ownerUrl });
  await ownerClient.connect();
  try {
    const counts = (
      await ownerClient.query<{ organisations: string; practices: string; reviews: string; disclosures: string }>(
        `select (select count(*) from organisation) as organisations, (select count(*) from practice) as practices,
                (select count(*) from review) as reviews, (select count(*) from disclosure) as disclosures`,
      )
    ).rows[0]!;
    const version = `PostgreSQL ${(await floorClient.query<{ server_version: string }>('show server_version')).rows[0]!.server_version}`;
    process.stderr.write('bench: first full recompute (builds every stored input)…\n');
    const first = await timed(() => recomputeAllRatings(orm.em.fork(), GENERATED_AT, { recount: true }));
    const recompute: number[] = [];
    const recount: number[] = [];
    const floor: number[] = [];
    let floorRows = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const f = await timed(() => floorClient.query(FLOOR_SQL, [GENERATED_AT]));
      floor.push(f.ms);
      floorRows = f.value.rowCount ?? 0;
      recompute.push((await timed(() => recomputeAllRatings(orm.em.fork(), GENERATED_AT))).ms);
      recount.push((await timed(() => recomputeAllRatings(orm.em.fork(), GENERATED_AT, { recount: true }))).ms);
      process.stderr.write(
        `bench: round ${i + 1}/${ROUNDS}: floor ${fmt(floor.at(-1)!)} ms, recompute ${fmt(recompute.at(-1)!)} ms, ` +
          `with recount ${fmt(recount.at(-1)!)} ms\n`,
      );
    }
    // One event: the organisation with the most reviews behind it, refreshed from the outbox.
    const [busiest] = (
      await floorClient.query<{ id: string }>(
        `select practice_organisation_id as id from review group by 1 order by count(*) desc limit 1`,
      )
    ).rows;
    const single: number[] = [];
    for (let i = 0; i < 5; i++) {
      await ownerClient.query('select rating_enqueue($1::uuid)', [busiest!.id]);
      single.push((await timed(() => drainRatingOutbox(orm.em.fork(), GENERATED_AT))).ms);
    }
    const kindBoard = await timed(() => ratingsIn(orm.em.fork(), GENERATED_AT, { kind: OrganisationKind.NGO }));
    const [group] = (
      await floorClient.query<{ id: string }>(`select id from thematic_group where slug = 'bench-group-1'`)
    ).rows;
    const groupBoard = await timed(() => ratingsIn(orm.em.fork(), GENERATED_AT, { groupId: group!.id }));

    const ratio = median(recompute) / median(floor);
    const recountRatio = median(recount) / median(floor);
    const body = `Dataset (${scale.name}): ${counts.organisations} organisations, ${counts.practices} practices,
${counts.reviews} reviews, ${counts.disclosures} disclosures (all statuses)${db.loadSeconds ? `; loaded through COPY in ${fmt(db.loadSeconds)} s` : ''}.

${table(
  ['Measure', 'Median of runs (ms)', 'Runs (ms)'],
  [
    [
      'Raw SQL floor: one aggregate pass over reviews, practices and disclosures, nothing written',
      fmt(median(floor)),
      floor.map((v) => fmt(v)).join(', '),
    ],
    [
      'Full recompute: openness and every stored input written, from the practices’ trigger-kept review totals',
      fmt(median(recompute)),
      recompute.map((v) => fmt(v)).join(', '),
    ],
    [
      'Full recompute with recount: the practices’ review totals rebuilt from every review first',
      fmt(median(recount)),
      recount.map((v) => fmt(v)).join(', '),
    ],
    ['First full recompute with recount (empty stored inputs)', fmt(first.ms), fmt(first.ms)],
    [
      'One event: refresh the organisation with most reviews',
      fmt(median(single), 2),
      single.map((v) => fmt(v, 2)).join(', '),
    ],
    [`Leaderboard of all NGOs (${kindBoard.value.length}), from stored inputs`, fmt(kindBoard.ms), fmt(kindBoard.ms)],
    [
      `Leaderboard of one group (${groupBoard.value.length}), from stored inputs`,
      fmt(groupBoard.ms),
      fmt(groupBoard.ms),
    ],
  ],
)}

**Full recompute / raw SQL floor: ${fmt(ratio, 2)}×** (goal ≤ 3×; the floor returned ${floorRows} rows).
With the recount (drift repair): ${fmt(recountRatio, 2)}×. The application runs as its own role under row-level
security; the floor as the owner, without it.`;
    await writeReport(`ratings-${scale.name}`, `Ratings benchmark (${scale.name})`, body, version);
    if (ratio > 3) process.exitCode = 1;
  } finally {
    await floorClient.end();
    await ownerClient.end();
    await orm.close(true);
    await db.stop();
  }
}
