import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../common/graphql/response-cache.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { addMember, createOrganisation } from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { MembershipCache } from './membership-cache.js';

/**
 * Whom a signed-in caller acts for is remembered between requests (no membership lookup for a repeated
 * caller) and forgotten on every committed write, wherever it was made.
 */

const ROLE = `{ me { activeRole activeOrganisation { slug } } }`;

let cache: ResponseCache;
let server: TestServer;

/** The statements of one request that looked up whom the caller acts for (by subject, e-mail or client id). */
async function lookupsFor(token: string): Promise<string[]> {
  server.statements.length = 0;
  const result = await server.gql(ROLE, {}, { token });
  expect(result.errors).toBeUndefined();
  return server.statements.filter((sql) => /"(subject|email|client_id)" = \?/.test(sql));
}

beforeAll(async () => {
  cache = new ResponseCache({ maxEntries: 100, maxBytes: 4 * 2 ** 20 });
  server = await startTestServer({ responseCache: cache });
  for (let i = 0; i < 100 && !cache.listening; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
});
afterAll(() => server?.close());

describe('whom a signed-in caller acts for, between requests', () => {
  it('is looked up once for a repeated caller, and again after a write made through another connection', async () => {
    const org = await createOrganisation(server);
    const editor = await addMember(server, org, 'EDITOR');
    // The invitation accepted just now is heard a moment later; from then on the lookup is remembered.
    await expect.poll(() => lookupsFor(editor.token)).toEqual([]);
    expect(await lookupsFor(editor.token)).toEqual([]);
    expect((await server.gql(ROLE, {}, { token: editor.token })).data?.me.activeRole).toBe('EDITOR');

    // An administrator's SQL, not the API: heard through PostgreSQL's notification.
    await server.db.query(`update member set role = 'VIEWER' where subject = $1`, [editor.user.id]);
    await expect
      .poll(async () => (await server.gql(ROLE, {}, { token: editor.token })).data?.me.activeRole)
      .toBe('VIEWER');
  });

  it('forgets a removed member on the very next request, and a revoked API client', async () => {
    const org = await createOrganisation(server);
    const editor = await addMember(server, org, 'EDITOR');
    await expect.poll(() => lookupsFor(editor.token)).toEqual([]);
    const [member] = await server.db.query<{ id: string }>(`select id from member where subject = $1`, [
      editor.user.id,
    ]);
    const removed = await server.gql(
      `mutation($id: ID!) { removeMember(memberId: $id) { userErrors { code } } }`,
      { id: toGlobalId('Member', member!.id) },
      { token: org.admin.token },
    );
    expect(removed.data?.removeMember.userErrors).toEqual([]);
    expect((await server.gql(ROLE, {}, { token: editor.token })).data?.me).toEqual({
      activeRole: null,
      activeOrganisation: null,
    });
    const asMember = await server.gql(ROLE, {}, { token: editor.token, organisation: org.id });
    expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const created = await server.gql(
      `mutation { createApiClient(input: { name: "Портал", role: VIEWER }) { apiClient { id clientId } clientSecret } }`,
      {},
      { token: org.admin.token },
    );
    const { apiClient, clientSecret } = created.data!.createApiClient;
    const tokenResponse = await fetch(`${server.idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: apiClient.clientId,
        client_secret: clientSecret,
      }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    await expect.poll(() => lookupsFor(token)).toEqual([]);
    await server.gql(
      `mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { userErrors { code } } }`,
      { input: { apiClientId: apiClient.id } },
      { token: org.admin.token },
    );
    expect((await server.gql(ROLE, {}, { token })).status).toBe(401);
  });

  it('accepts an invitation sent after the invitee was remembered', async () => {
    const org = await createOrganisation(server);
    const person = await server.person();
    expect((await lookupsFor(person.token)).length).toBeGreaterThan(0);
    await expect.poll(() => lookupsFor(person.token)).toEqual([]);
    const invited = await server.gql(
      `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { userErrors { code } } }`,
      { input: { email: person.user.email, role: 'EDITOR' } },
      { token: org.admin.token },
    );
    expect(invited.data?.inviteMember.userErrors).toEqual([]);
    expect((await server.gql(ROLE, {}, { token: person.token })).data?.me).toEqual({
      activeRole: 'EDITOR',
      activeOrganisation: { slug: org.slug },
    });
  });
});

describe('MembershipCache', () => {
  const roles = [{ organisationId: 'o', role: 'ADMIN' as never }];

  it('keeps nothing while writes are not heard, nor what was read before a write', () => {
    const data = new ResponseCache({ maxEntries: 10, maxBytes: 10_000 });
    const memberships = new MembershipCache(data);
    memberships.set('a', memberships.version, roles);
    expect(memberships.get('a')).toBeUndefined();
    data.setListening(true);
    const before = memberships.version;
    data.invalidate();
    memberships.set('a', before, roles);
    expect(memberships.get('a')).toBeUndefined();
    memberships.set('a', memberships.version, roles);
    expect(memberships.get('a')).toBe(roles);
    data.invalidate();
    expect(memberships.get('a')).toBeUndefined();
    expect(memberships.size).toBe(0);
  });

  it('keeps at most its size, the least recently stored going first', () => {
    const data = new ResponseCache({ maxEntries: 10, maxBytes: 10_000 });
    data.setListening(true);
    const memberships = new MembershipCache(data, 2);
    for (const key of ['a', 'b', 'c']) memberships.set(key, memberships.version, roles);
    expect([memberships.get('a'), memberships.get('b'), memberships.get('c')]).toEqual([undefined, roles, roles]);
  });
});
