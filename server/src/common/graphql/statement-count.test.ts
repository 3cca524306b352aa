import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { startTestServer, type Person, type TestServer } from '../../test-support/test-server.js';
import { DEFAULT_QUERY_LIMITS } from './limits.js';

const GROUPS = `query($first: Int!) { thematicGroups(first: $first) { totalCount edges { node {
  id title activeMemberCount viewerCanModerate viewerMembership { status }
  memberships(first: 5) { totalCount edges { node { status requestedAt organisation { name kind } group { slug } } } }
} } } }`;
const ORGANISATIONS = `query($first: Int!) { organisations(first: $first) { totalCount edges { node {
  id name viewerRole members { totalCount } invitations { email }
  groupMemberships(first: 5) { totalCount edges { node { status group { title activeMemberCount } } } }
} } } }`;

const PRACTICES = `query($first: Int!) { practices(first: $first) { totalCount edges { node {
  id title status participationLevel loopClosed tags viewerCanEdit
  organisation { name kind region } group { title } methods { key title }
  content { methodKeys beneficiarySegment { description } } revisions { number }
  reviewSummary { count overall { mean count } } reviews { scores { relevance } response { body } editions { number } }
} } } }`;

let server: TestServer;
let viewer: OrganisationFixture;
let platformAdmin: Person;

/** Statements the API runs for one operation. */
async function statementsFor(query: string, first: number, token?: string): Promise<number> {
  server.statements.length = 0;
  const result = await server.gql(query, { first }, { token });
  expect(result.errors).toBeUndefined();
  return server.statements.length;
}

beforeAll(async () => {
  // Deeper than the default limit on purpose: nested batching is what is measured.
  server = await startTestServer({ queryLimits: { ...DEFAULT_QUERY_LIMITS, depth: 8 } });
  platformAdmin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
  viewer = await createOrganisation(server);
  for (let i = 0; i < 12; i += 1) {
    const group = await createGroup(server, { joinPolicy: i % 2 ? 'OPEN' : 'MODERATED' }, platformAdmin);
    const org = await createOrganisation(server);
    for (const member of [org, viewer]) {
      await server.gql(
        `mutation($id: ID!) { requestGroupMembership(groupId: $id) { userErrors { code } } }`,
        { id: group.id },
        {
          token: member.admin.token,
        },
      );
    }
  }
  await createMethods(server, ['survey', 'interview']);
  const practiceGroup = await createGroup(server, {}, platformAdmin);
  const authors = [viewer, await createOrganisation(server), await createOrganisation(server)];
  for (const author of authors) await joinGroup(server, author, practiceGroup);
  for (let i = 0; i < 50; i += 1) {
    await createPractice(server, authors[i % authors.length]!, practiceGroup, {
      content: { title: `Практика ${i}`, methodKeys: ['survey', 'interview'] },
    });
  }
}, 120_000);
afterAll(() => server?.close());

describe('SQL statements per operation do not grow with the page size', () => {
  it.each([
    ['thematic groups with nested memberships, anonymous', GROUPS, () => undefined],
    ['thematic groups with nested memberships, as a member', GROUPS, () => viewer.admin.token],
    ['organisations with members and group memberships, as a member', ORGANISATIONS, () => viewer.admin.token],
    ['50 practices with organisation, group, methods and revisions, anonymous', PRACTICES, () => undefined],
  ])('%s', async (_name, query, token) => {
    const small = await statementsFor(query, 2, token());
    const large = await statementsFor(query, query === PRACTICES ? 50 : 12, token());
    expect(large).toBe(small);
  });
});

describe('a query runs in one transaction', () => {
  it('sets the row-level-security variables once for the operation, however many statements follow', async () => {
    server.statements.length = 0;
    const result = await server.gql(PRACTICES, { first: 50 }, { token: viewer.admin.token });
    expect(result.errors).toBeUndefined();
    // Who is calling is resolved first; then the operation's statements share one transaction.
    const first = server.statements.findIndex((sql) => /^select p\./.test(sql));
    const operation = server.statements.slice(first);
    expect(first).toBeGreaterThan(0);
    expect(server.statements[first - 1]).toContain('set_config');
    expect(operation.length).toBeGreaterThan(5);
    expect(operation.filter((sql) => sql.includes('set_config'))).toEqual([]);
  });
});

describe('counting only what is asked for', () => {
  it('a keyset list (thematic groups) counts only when totalCount is selected', async () => {
    const counts = async (query: string) => {
      server.statements.length = 0;
      const result = await server.gql(query, {});
      expect(result.errors).toBeUndefined();
      return { result, counts: server.statements.filter((sql) => /count\(/i.test(sql)).length };
    };
    expect((await counts(`query { thematicGroups(first: 5) { edges { node { id } } } }`)).counts).toBe(0);
    const counted = await counts(`query { thematicGroups(first: 5) { totalCount edges { node { id } } } }`);
    expect(counted.counts).toBe(1);
    expect(counted.result.data?.thematicGroups.totalCount).toBeGreaterThan(5);
  });

  it('a practice page without totalCount does not count every match', async () => {
    server.statements.length = 0;
    const result = await server.gql(`query { practices(first: 5) { edges { node { id } } } }`, {});
    expect(result.errors).toBeUndefined();
    expect(server.statements.filter((sql) => sql.includes('count(*)'))).toEqual([]);
    server.statements.length = 0;
    const counted = await server.gql(`query { practices(first: 5) { totalCount } }`, {});
    expect(counted.data?.practices.totalCount).toBe(50);
    expect(server.statements.filter((sql) => sql.includes('count(*)'))).toHaveLength(1);
  });
});
