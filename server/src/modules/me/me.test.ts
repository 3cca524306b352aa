import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const ME = `{ me { subject kind displayName email platformRoles activeRole activeOrganisation { slug } memberships { role organisation { slug } } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('me', () => {
  it('is null for an anonymous caller, whose public reads still work', async () => {
    const result = await server.gql(`{ me { subject } thematicGroups { totalCount } }`);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ me: null, thematicGroups: { totalCount: 0 } });
  });

  it('describes a person with platform roles from the token and organisations from Otklik', async () => {
    const person = await server.person({ realmRoles: ['MODERATOR', 'offline_access'] });
    const first = await createOrganisation(server, {}, person);
    const second = await createOrganisation(server, {}, person);
    const result = await server.gql(ME, {}, { token: person.token });
    expect(result.data?.me).toEqual({
      subject: person.user.id,
      kind: 'PERSON',
      displayName: person.user.name,
      email: person.user.email,
      platformRoles: ['MODERATOR'],
      activeRole: 'ADMIN',
      activeOrganisation: { slug: first.slug },
      memberships: [
        { role: 'ADMIN', organisation: { slug: first.slug } },
        { role: 'ADMIN', organisation: { slug: second.slug } },
      ],
    });
    const switched = await server.gql(ME, {}, { token: person.token, organisation: second.id });
    expect(switched.data?.me.activeOrganisation).toEqual({ slug: second.slug });
  });

  it('refuses a bad token with HTTP 401 UNAUTHENTICATED, never as anonymous', async () => {
    const person = await server.person();
    const [header, payload] = person.token.split('.');
    const tampered = `${header}.${payload}.${'A'.repeat(86)}`;
    for (const token of ['garbage', tampered]) {
      const result = await server.gql(ME, {}, { token });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('treats a person whose username looks like a service account as a person', async () => {
    const impostor = await server.person({ username: `service-account-impostor-${Date.now()}` });
    const result = await server.gql(`{ me { kind } }`, {}, { token: impostor.token });
    expect(result.data?.me.kind).toBe('PERSON');
  });

  it('maps a service account to its organisation through the service_account table', async () => {
    const org = await createOrganisation(server);
    const clientId = `integration-${org.slug}`;
    server.idp.registerClient({ clientId, secret: 'integration-secret', id: '4b1c3f8e-0a55-4d7b-9a3c-2f1f8c0e9d11' });
    await server.db.query(
      `insert into service_account (client_id, organisation_id, role) select $1, id, 'EDITOR' from organisation where slug = $2`,
      [clientId, org.slug],
    );
    const response = await fetch(`${server.idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: 'integration-secret',
      }),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    const result = await server.gql(
      `{ me { kind activeRole activeOrganisation { slug } memberships { role } } }`,
      {},
      { token },
    );
    expect(result.data?.me).toEqual({
      kind: 'SERVICE_ACCOUNT',
      activeRole: 'EDITOR',
      activeOrganisation: { slug: org.slug },
      memberships: [],
    });
  });
});

describe('health', () => {
  it('answers /healthz and /readyz (database reachable)', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});
