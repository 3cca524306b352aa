import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../common/graphql/response-cache.js';
import { createLogger } from '../../logger.js';
import { seedDatabase } from '../../seeds/demo.seed.js';
import { SEEDS_DIR } from '../../seeds/seed-file.js';
import { createOrganisation } from '../../test-support/factories.js';
import { createTestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

/** Leaderboards are kept between requests, for signed-in readers too, and recomputed after any write. */

const BOARD = `{ ratings(kind: NGO, first: 100) { edges { node { rank composite organisation { slug name } } } } }`;

let cache: ResponseCache;
let server: TestServer;
let token: string;

/** The statements one leaderboard request ran that read the stored rating inputs. */
async function factReads(): Promise<number> {
  server.statements.length = 0;
  const result = await server.gql(BOARD, {}, { token });
  expect(result.errors).toBeUndefined();
  return server.statements.filter((sql) => sql.includes('left join rating_input')).length;
}

beforeAll(async () => {
  const db = await createTestDatabase();
  await seedDatabase(db.ownerUrl, SEEDS_DIR, { demo: true, logger: createLogger('silent') });
  cache = new ResponseCache({ maxEntries: 100, maxBytes: 4 * 2 ** 20 });
  server = await startTestServer({ db, responseCache: cache });
  for (let i = 0; i < 100 && !cache.listening; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  token = (await createOrganisation(server)).admin.token;
}, 60_000);
afterAll(() => server?.close());

describe('leaderboards between requests', () => {
  it('are computed once for every reader until something is written, then computed again', async () => {
    await expect.poll(() => factReads()).toBe(0);
    const before = await server.gql(BOARD, {});
    const signedIn = await server.gql(BOARD, {}, { token });
    expect(signedIn.data).toEqual(before.data);
    const [top] = signedIn.data?.ratings.edges ?? [];
    expect(top).toBeDefined();

    // An administrator's SQL renames the leader: heard through PostgreSQL's notification.
    await server.db.query(`update organisation set name = 'Переименованный лидер' where slug = $1`, [
      top.node.organisation.slug,
    ]);
    await expect
      .poll(async () => (await server.gql(BOARD, {}, { token })).data?.ratings.edges[0].node.organisation.name)
      .toBe('Переименованный лидер');
  });
});
