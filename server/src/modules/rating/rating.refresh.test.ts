import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  discloseMission,
  joinGroup,
  publishMissionStandard,
  submitReview,
  uuidOf,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import type { Person, TestServer } from '../../test-support/test-server.js';
import { startTestServer } from '../../test-support/test-server.js';
import { PARTICIPATION_ORDINAL } from '../practice/practice.enums.js';
import { drainRatingOutbox, recomputeAllRatings } from './rating.refresh.js';
import { maintainRatings } from './rating.snapshot.js';

let server: TestServer;
let group: GroupFixture;
let owner: OrganisationFixture;
let ownerPractices: string[];
const reviewers: Array<{ org: OrganisationFixture; person: Person }> = [];

/** What the incremental path stored, without the refresh time. */
const stored = async () => ({
  quality: await server.db.query(
    `select organisation_id, scope_id, review_total::text, review_count, practice_count, level_sum, closed_loops
       from rating_quality order by organisation_id, scope_id`,
  ),
  input: await server.db.query(
    `select organisation_id, openness_score::text, reviews_given_12m, practices_published_12m
       from rating_input order by organisation_id`,
  ),
});

const newReviewer = async () => {
  const org = await createOrganisation(server);
  await joinGroup(server, org, group);
  const reviewer = { org, person: await addMember(server, org, 'REVIEWER') };
  reviewers.push(reviewer);
  return reviewer;
};

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
  group = await createGroup(server);
  owner = await createOrganisation(server);
  await joinGroup(server, owner, group);
  ownerPractices = [];
  for (const level of ['RESEARCH', 'GOVERNANCE_PARTICIPATION'])
    ownerPractices.push((await createPractice(server, owner, group, { content: { participationLevel: level } })).id);
  for (let i = 0; i < 8; i++) await newReviewer();
  await drainRatingOutbox(server.orm.em.fork(), new Date());
});
afterAll(() => server?.close());

describe('keeping ratings current', () => {
  it('maps participation levels to the same ordinals in the database as in the application', async () => {
    for (const [level, ordinal] of Object.entries(PARTICIPATION_ORDINAL)) {
      const [row] = await server.db.query<{ n: number }>('select participation_ordinal($1) as n', [level]);
      expect(row!.n).toBe(ordinal);
    }
  });

  it('leaves, under concurrent events and workers, exactly what a full recompute leaves', async () => {
    let stop = false;
    const workers = Array.from({ length: 3 }, async () => {
      while (!stop) {
        await drainRatingOutbox(server.orm.em.fork(), new Date());
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    });
    // 16 reviews of the owner's two practices and 8 new practices of the reviewers, all at once
    await Promise.all([
      ...reviewers.flatMap((r, i) =>
        ownerPractices.map((practiceId, j) => submitReview(server, r.person.token, practiceId, 1 + ((i + j) % 5))),
      ),
      ...reviewers.map((r) =>
        createPractice(server, r.org, group, { content: { participationLevel: 'COLLABORATION_CODESIGN' } }),
      ),
    ]);
    stop = true;
    await Promise.all(workers);
    await drainRatingOutbox(server.orm.em.fork(), new Date());
    expect(await server.db.query('select * from rating_outbox')).toEqual([]);
    const incremental = await stored();
    const ownerOverall = incremental.quality.find(
      (q) => q.organisation_id === uuidOf(owner.id) && q.scope_id === '00000000-0000-0000-0000-000000000000',
    );
    expect(ownerOverall).toMatchObject({ review_count: 16, practice_count: 2, level_sum: 6 });
    expect(incremental.input.filter((i) => i.reviews_given_12m === 2)).toHaveLength(8);

    await recomputeAllRatings(server.orm.em.fork(), new Date(), { recount: true });
    expect(await stored()).toEqual(incremental);
  });

  it('never lets a refresh that read earlier overwrite one that read later (per-organisation lock)', async () => {
    await publishMissionStandard(server, 'race-standard');
    const claimed = await discloseMission(server, owner, 'race-standard', 'https://owner.example.org/mission');
    await drainRatingOutbox(server.orm.em.fork(), new Date());
    const openness = async () =>
      (
        await server.db.query<{ score: string | null }>(
          'select openness_score::text as score from rating_input where organisation_id = $1',
          [uuidOf(owner.id)],
        )
      )[0]!.score;
    expect(await openness()).toBe('0.00');

    // worker X takes an event for the owner and reads (still unverified), then waits before writing
    await submitReview(server, (await newReviewer()).person.token, ownerPractices[1]!, 4);
    let release!: () => void;
    let xHasRead!: () => void;
    const xRead = new Promise<void>((resolve) => (xHasRead = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const workerX = drainRatingOutbox(server.orm.em.fork(), new Date(), async () => {
      xHasRead();
      await gate;
    });
    await xRead;
    // meanwhile the disclosure is verified, and worker Z takes that event
    const moderator = await server.person({ realmRoles: ['MODERATOR'] });
    const verified = await server.gql(
      `mutation($input: DecideDisclosureInput!) { verifyDisclosure(input: $input) { userErrors { code } } }`,
      {
        input: {
          disclosureId: claimed.id,
          version: claimed.version,
        },
      },
      { token: moderator.token },
    );
    expect(verified.data?.verifyDisclosure.userErrors).toEqual([]);
    const workerZ = drainRatingOutbox(server.orm.em.fork(), new Date());
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([workerX, workerZ]);
    expect(await openness()).toBe('100.00');
  });

  it('runs the same number of SQL statements for a new review however much data there is', async () => {
    const count = async () => {
      const reviewer = await newReviewer();
      const practice = await createPractice(server, owner, group, { content: { participationLevel: 'RESEARCH' } });
      await drainRatingOutbox(server.orm.em.fork(), new Date());
      server.statements.length = 0;
      await submitReview(server, reviewer.person.token, practice.id);
      await drainRatingOutbox(server.orm.em.fork(), new Date());
      return server.statements.length;
    };
    const small = await count();
    // more practices and reviews behind the same organisations
    for (const r of reviewers.slice(0, 6)) {
      const practice = await createPractice(server, owner, group, { content: { participationLevel: 'RESEARCH' } });
      await submitReview(server, r.person.token, practice.id, 3);
    }
    const large = await count();
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});

describe('history and distribution', () => {
  const SNAPSHOT = `mutation { takeRatingSnapshot { snapshot { id reason entries } userErrors { code } } }`;
  const HISTORY = `query($slug: String!, $group: ID) { organisation(slug: $slug) {
    rating { composite } ratingHistory(groupId: $group) { reason composite rank enoughData practiceQuality } } }`;

  it('takes snapshots on demand for platform admins only; the trend shows each one', async () => {
    const outsider = reviewers[0]!.org.admin;
    const refused = await server.gql(SNAPSHOT, {}, { token: outsider.token });
    expect(refused.data?.takeRatingSnapshot).toEqual({ snapshot: null, userErrors: [{ code: 'FORBIDDEN' }] });
    expect(await server.db.query('select * from rating_snapshot')).toEqual([]);
    expect((await server.gql(SNAPSHOT)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const admin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
    const first = await server.gql(SNAPSHOT, {}, { token: admin.token });
    expect(first.data?.takeRatingSnapshot.snapshot).toMatchObject({ reason: 'ON_DEMAND' });
    expect(first.data?.takeRatingSnapshot.snapshot.entries).toBeGreaterThan(reviewers.length);

    // a poor review lowers the owner's quality; the next snapshot records it
    const critic = await newReviewer();
    await submitReview(server, critic.person.token, ownerPractices[0]!, 1);
    await server.gql(SNAPSHOT, {}, { token: admin.token });

    const trend = await server.gql(HISTORY, { slug: owner.slug, group: group.id });
    const points = trend.data?.organisation.ratingHistory;
    expect(points).toHaveLength(2);
    expect(points[1].practiceQuality).toBeLessThan(points[0].practiceQuality);
    const overall = await server.gql(HISTORY, { slug: owner.slug });
    expect(overall.data?.organisation.ratingHistory.at(-1).composite).toBe(overall.data?.organisation.rating.composite);
  });

  it('shows how composites spread in a group, and refuses a bad bin width', async () => {
    const result = await server.gql(
      `query($group: ID) { ratingDistribution(groupId: $group, binWidth: 25) { bins { from to count } ranked notEnoughData }
        ratings(groupId: $group) { totalCount edges { node { composite enoughData } } } }`,
      { group: group.id },
    );
    const { bins, ranked, notEnoughData } = result.data!.ratingDistribution;
    expect(bins.map((b: any) => [b.from, b.to])).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100],
    ]);
    const nodes = result.data?.ratings.edges.map((e: any) => e.node);
    expect(ranked + notEnoughData).toBe(result.data?.ratings.totalCount);
    expect(ranked).toBe(nodes.filter((n: any) => n.enoughData).length);
    for (const bin of bins) {
      expect(bin.count).toBe(
        nodes.filter((n: any) => n.enoughData && n.composite >= bin.from && (n.composite < bin.to || bin.to === 100))
          .length,
      );
    }
    const bad = await server.gql(`{ ratingDistribution(binWidth: 0) { ranked } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('takes the monthly snapshot once per month, after a full recompute', async () => {
    const now = new Date();
    const first = await maintainRatings(server.orm.em.fork(), now);
    expect(first.recomputed).toBe(true);
    expect(first.snapshot?.reason).toBe('MONTHLY');
    const again = await maintainRatings(server.orm.em.fork(), new Date(now.getTime() + 60_000));
    expect(again).toEqual({ recomputed: false, snapshot: null });
    const nextMonth = await maintainRatings(server.orm.em.fork(), new Date(now.getTime() + 32 * 86_400_000));
    expect(nextMonth.snapshot?.reason).toBe('MONTHLY');
  });
});

describe('reading ratings while refreshes hold their locks', () => {
  it('serves the stored inputs, without an error, when a refresh in flight holds the queued events', async () => {
    const pg = await import('pg');
    const holder = new pg.default.Client({ connectionString: server.db.ownerUrl });
    await holder.connect();
    try {
      // Another worker's refresh in flight: it has claimed the queued event and holds it until it commits.
      await holder.query('begin');
      await holder.query('select rating_enqueue($1::uuid)', [uuidOf(owner.id)]);
      await holder.query('commit');
      await holder.query('begin');
      await holder.query('select id from rating_outbox_claim(1000)');
      const result = await server.gql(
        `query($group: ID!) { ratings(groupId: $group, first: 5) { edges { node { rank composite organisation { name } } } } }`,
        { group: group.id },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.ratings.edges.length).toBeGreaterThan(0);
    } finally {
      await holder.query('rollback').catch(() => {});
      await holder.end();
    }
  });
});
