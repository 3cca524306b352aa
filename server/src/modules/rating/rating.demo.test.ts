import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import { seedDatabase } from '../../seeds/demo.seed.js';
import { SEEDS_DIR } from '../../seeds/seed-file.js';
import { createTestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

/** The demo data through every leaderboard: each kind and each group rates, and openness agrees with compliance. */

let server: TestServer;

beforeAll(async () => {
  const db = await createTestDatabase();
  await seedDatabase(db.ownerUrl, SEEDS_DIR, { demo: true, logger: createLogger('silent') });
  server = await startTestServer({ db });
}, 60_000);
afterAll(() => server?.close());

describe('ratings of the demo data', () => {
  it('rates every kind and every thematic group, with openness equal to each compliance score', async () => {
    const groups = await server.gql(`{ thematicGroups(first: 50) { edges { node { id slug } } } }`);
    const scopes: Array<Record<string, string>> = [
      ...['NGO', 'STATE_INSTITUTION', 'MUNICIPAL_INSTITUTION', 'OTHER'].map((kind) => ({ kind })),
      ...(groups.data?.thematicGroups.edges ?? []).map((e: any) => ({ groupId: e.node.id })),
    ];
    expect(scopes.length).toBeGreaterThan(5);
    let rated = 0;
    for (const scope of scopes) {
      const result = await server.gql(
        `query($groupId: ID, $kind: OrganisationKind) {
          ratings(groupId: $groupId, kind: $kind, first: 100) { edges { node { composite openness { score }
            organisation { slug compliance { score } } } } }
          ratingDistribution(groupId: $groupId, kind: $kind) { ranked notEnoughData } }`,
        scope,
      );
      expect(result.errors, JSON.stringify(scope)).toBeUndefined();
      for (const { node } of result.data?.ratings.edges ?? []) {
        rated += 1;
        expect(Number.isFinite(node.composite), node.organisation.slug).toBe(true);
        if (node.organisation.compliance)
          expect(node.openness.score, node.organisation.slug).toBeCloseTo(node.organisation.compliance.score, 2);
      }
    }
    expect(rated).toBeGreaterThan(5);
    const csv = await (await fetch(`${server.url}/exports/ratings.csv`)).text();
    expect(csv).not.toContain('NaN');
  });

  it('goes on after the organisation the cursor names, when one above it has left the list', async () => {
    const PAGE = `query($after: String) { ratings(kind: NGO, first: 2, after: $after) {
      edges { cursor node { organisation { slug } } } pageInfo { endCursor } } }`;
    const first = await server.gql(PAGE, {});
    const all = await server.gql(`{ ratings(kind: NGO, first: 100) { edges { node { organisation { slug } } } } }`);
    const slugs: string[] = all.data?.ratings.edges.map((e: any) => e.node.organisation.slug);
    expect(slugs.length).toBeGreaterThan(2);
    expect(first.data?.ratings.edges.map((e: any) => e.node.organisation.slug)).toEqual(slugs.slice(0, 2));
    // The top NGO becomes another kind: everyone below moves up one place.
    await server.db.query(`update organisation set kind = 'OTHER' where slug = $1`, [slugs[0]]);
    const next = await server.gql(PAGE, { after: first.data?.ratings.pageInfo.endCursor });
    expect(next.data?.ratings.edges.map((e: any) => e.node.organisation.slug)).toEqual(slugs.slice(2, 4));
  });
});
