import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganisation, type OrganisationFixture } from '../../test-support/factories.js';
import { openSocket } from '../../test-support/socket.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { keycloakApiClientRegistry } from './api-client.registry.js';

const CREATE = `mutation($input: CreateApiClientInput!) {
  createApiClient(input: $input) { apiClient { id clientId name role revokedAt } clientSecret userErrors { code field } } }`;
const REVOKE = `mutation($input: RevokeApiClientInput!) {
  revokeApiClient(input: $input) { apiClient { id revokedAt } userErrors { code } } }`;

let server: TestServer;
let org: OrganisationFixture;
let other: OrganisationFixture;

const clientToken = async (clientId: string, secret: string) => {
  const response = await fetch(`${server.idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return { status: response.status, token: ((await response.json()) as { access_token?: string }).access_token };
};

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganisation(server);
  other = await createOrganisation(server);
});
afterAll(() => server?.close());

const createClientWithToken = async (owner: OrganisationFixture, name: string) => {
  const created = await server.gql(CREATE, { input: { name, role: 'VIEWER' } }, { token: owner.admin.token });
  const { apiClient, clientSecret } = created.data!.createApiClient;
  return { id: apiClient.id as string, token: (await clientToken(apiClient.clientId, clientSecret)).token! };
};

describe('API clients', () => {
  it('lets an ADMIN create one that acts for the organisation with its role; the secret is shown once', async () => {
    const created = await server.gql(
      CREATE,
      { input: { name: 'Региональный портал', role: 'VIEWER' } },
      { token: org.admin.token },
    );
    const { apiClient, clientSecret, userErrors } = created.data!.createApiClient;
    expect(userErrors).toEqual([]);
    expect(apiClient).toMatchObject({ name: 'Региональный портал', role: 'VIEWER', revokedAt: null });
    expect(clientSecret).toMatch(/^[\w-]{20,}$/);
    const listed = await server.gql(`{ apiClients { clientId name } }`, {}, { token: org.admin.token });
    expect(listed.data?.apiClients).toEqual([{ clientId: apiClient.clientId, name: 'Региональный портал' }]);
    expect(JSON.stringify(listed)).not.toContain(clientSecret);

    const { token } = await clientToken(apiClient.clientId, clientSecret);
    const me = await server.gql(`{ me { kind activeRole activeOrganisation { slug } } }`, {}, { token });
    expect(me.data?.me).toEqual({
      kind: 'SERVICE_ACCOUNT',
      activeRole: 'VIEWER',
      activeOrganisation: { slug: org.slug },
    });

    // revoked: its tokens are refused from the next request, and it gets no new ones
    const revoked = await server.gql(REVOKE, { input: { apiClientId: apiClient.id } }, { token: org.admin.token });
    expect(revoked.data?.revokeApiClient.apiClient.revokedAt).not.toBeNull();
    const refused = await server.gql(`{ me { kind } }`, {}, { token });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'This API client has been revoked or is not registered for an organisation',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect((await clientToken(apiClient.clientId, clientSecret)).token).toBeUndefined();
    const audit = await server.db.query<{ action: string }>(
      `select action from audit_event where object_type = 'ApiClient' order by created_at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['apiClient.created', 'apiClient.revoked']);
  });

  it("is a Node its organisation's ADMINs fetch by id; nobody else", async () => {
    const owner = await createOrganisation(server);
    const created = await server.gql(
      CREATE,
      { input: { name: 'Портал для node', role: 'VIEWER' } },
      { token: owner.admin.token },
    );
    const { id } = created.data!.createApiClient.apiClient;
    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on ApiClient { name role } } }`;
    expect((await server.gql(NODE, { id }, { token: owner.admin.token })).data?.node).toEqual({
      __typename: 'ApiClient',
      id,
      name: 'Портал для node',
      role: 'VIEWER',
    });
    const editor = await addMember(server, owner, 'EDITOR');
    for (const token of [editor.token, other.admin.token, undefined]) {
      expect((await server.gql(NODE, { id }, { token })).data?.node).toBeNull();
    }
  });

  it("closes a revoked client's open WebSocket connections at once, and only its", async () => {
    const owner = await createOrganisation(server);
    const revokedClient = await createClientWithToken(owner, 'Портал, который отключат');
    const keptClient = await createClientWithToken(owner, 'Портал, который остаётся');
    const revokedSocket = openSocket(server, revokedClient.token);
    const keptSocket = openSocket(server, keptClient.token);
    const personSocket = openSocket(server, owner.admin.token);
    await Promise.all([revokedSocket.connected, keptSocket.connected, personSocket.connected]);
    try {
      const revoked = await server.gql(
        REVOKE,
        { input: { apiClientId: revokedClient.id } },
        { token: owner.admin.token },
      );
      expect(revoked.data?.revokeApiClient.userErrors).toEqual([]);
      expect(await revokedSocket.closed).toEqual({ code: 4403, reason: 'API client revoked' });
      // The others were checked in the same pass over open connections; give their close frames time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(keptSocket.isClosed()).toBe(false);
      expect(personSocket.isClosed()).toBe(false);
      // Reconnecting with the revoked client's token is refused.
      const again = openSocket(server, revokedClient.token);
      expect((await again.closed).code).toBe(4403);
      await again.client.dispose();
    } finally {
      await Promise.all([revokedSocket, keptSocket, personSocket].map((socket) => socket.client.dispose()));
    }
  });

  it('refuses bad input, other roles and other organisations, changing nothing', async () => {
    const before = await server.db.query('select client_id, revoked_at from service_account order by client_id');
    const admin = { token: org.admin.token };
    const short = await server.gql(CREATE, { input: { name: ' x ', role: 'VIEWER' } }, admin);
    expect(short.data?.createApiClient.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'name'] }]);
    const asAdmin = await server.gql(CREATE, { input: { name: 'Всё можно', role: 'ADMIN' } }, admin);
    expect(asAdmin.data?.createApiClient.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'role'] }]);
    const editor = await addMember(server, org, 'EDITOR');
    const notAdmin = await server.gql(CREATE, { input: { name: 'Портал', role: 'VIEWER' } }, { token: editor.token });
    expect(notAdmin.data?.createApiClient.userErrors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    expect((await server.gql(`{ apiClients { id } }`, {}, { token: editor.token })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );

    // another organisation's ADMIN neither sees nor revokes ours
    const [ours] = (await server.gql(`{ apiClients { id } }`, {}, admin)).data?.apiClients ?? [];
    expect((await server.gql(`{ apiClients { id } }`, {}, { token: other.admin.token })).data?.apiClients).toEqual([]);
    const foreign = await server.gql(REVOKE, { input: { apiClientId: ours.id } }, { token: other.admin.token });
    expect(foreign.data?.revokeApiClient.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    expect(await server.db.query('select client_id, revoked_at from service_account order by client_id')).toEqual(
      before,
    );
  });
});

describe('with a real Keycloak', () => {
  it('creates the client through the admin API with the API audience, reads its secret and deletes it', async () => {
    const calls: Array<{ method: string; url: string; body: string; auth?: string }> = [];
    const keycloak = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        calls.push({ method: req.method!, url: req.url!, body, auth: req.headers.authorization });
        res.setHeader('content-type', 'application/json');
        if (req.url!.endsWith('/protocol/openid-connect/token'))
          return res.end(JSON.stringify({ access_token: 'admin-token' }));
        if (req.method === 'POST' && req.url!.endsWith('/clients')) return res.writeHead(201).end();
        if (req.url!.includes('/clients?clientId=')) return res.end(JSON.stringify([{ id: 'internal-1' }]));
        if (req.url!.endsWith('/client-secret')) return res.end(JSON.stringify({ type: 'secret', value: 's3cr3t' }));
        if (req.method === 'DELETE') return res.writeHead(204).end();
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => keycloak.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(keycloak.address() as AddressInfo).port}`;
    try {
      const registry = keycloakApiClientRegistry({
        keycloakUrl: url,
        realm: 'otklik',
        adminClientId: 'otklik-admin',
        adminClientSecret: 'admin-secret',
        apiAudience: 'otklik-api',
      });
      expect(await registry.create('otklik-abc')).toEqual({ secret: 's3cr3t' });
      await registry.remove('otklik-abc');
      expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
        'POST /realms/otklik/protocol/openid-connect/token',
        'POST /admin/realms/otklik/clients',
        'GET /admin/realms/otklik/clients?clientId=otklik-abc',
        'GET /admin/realms/otklik/clients/internal-1/client-secret',
        'POST /realms/otklik/protocol/openid-connect/token',
        'GET /admin/realms/otklik/clients?clientId=otklik-abc',
        'DELETE /admin/realms/otklik/clients/internal-1',
      ]);
      expect(new URLSearchParams(calls[0]!.body).get('grant_type')).toBe('client_credentials');
      expect(calls[1]!.auth).toBe('Bearer admin-token');
      const created = JSON.parse(calls[1]!.body) as Record<string, any>;
      expect(created).toMatchObject({
        clientId: 'otklik-abc',
        publicClient: false,
        serviceAccountsEnabled: true,
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
      });
      expect(created.protocolMappers[0].config['included.custom.audience']).toBe('otklik-api');
    } finally {
      keycloak.close();
    }
  });
});
