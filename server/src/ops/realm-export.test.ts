import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from '../common/auth/token-verifier.js';
import { loadConfig } from '../config.js';
import type { DevIdentityProvider } from '../dev-idp/dev-idp.js';
import {
  DEMO_PASSWORD,
  decodeJwt,
  startLoopbackServer,
  tokenRequest,
  type LoopbackServer,
} from '../dev-idp/dev-idp.test-support.js';
import { PlatformRole } from '../modules/member/member-role.js';
import { SEEDS_DIR } from '../seeds/seed-file.js';
import { loadDevUsers, type ServiceAccountSeed } from '../seeds/users.seed.js';

// The Keycloak realm shipped in ops/ and the development identity provider must describe the same
// realm, so that the server and the dashboard behave alike against both: these tests fail when they drift.

const REALM_FILE = path.resolve(import.meta.dirname, '../../../ops/keycloak/otklik-realm.json');

interface ProtocolMapper {
  name: string;
  protocol: string;
  protocolMapper: string;
  config: Record<string, string>;
}

interface RealmClient {
  clientId: string;
  enabled?: boolean;
  publicClient?: boolean;
  bearerOnly?: boolean;
  secret?: string;
  clientAuthenticatorType?: string;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  serviceAccountsEnabled?: boolean;
  description?: string;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
  protocolMappers?: ProtocolMapper[];
}

interface RealmExport {
  realm: string;
  enabled: boolean;
  accessTokenLifespan?: number;
  roles: { realm: Array<{ name: string; clientRole: boolean }> };
  clients: RealmClient[];
  clientScopes?: unknown;
}

/** Claims Keycloak writes into every access token itself, whatever the mappers (typ is always "Bearer"). */
const KEYCLOAK_OWN_CLAIMS = ['iss', 'exp', 'iat', 'jti', 'typ', 'azp'];

/** What the server reads from a person's token (common/auth/token-verifier.ts and the actor service). */
const SERVER_READS_FROM_PEOPLE = [
  'sub',
  'iss',
  'exp',
  'typ',
  'aud',
  'azp',
  'realm_access.roles',
  'email',
  'email_verified',
  'name',
  'preferred_username',
];
/** What the server reads from a service account's token: `client_id` equal to `azp` marks one. */
const SERVER_READS_FROM_SERVICE_ACCOUNTS = [
  'sub',
  'iss',
  'exp',
  'typ',
  'aud',
  'azp',
  'realm_access.roles',
  'preferred_username',
  'client_id',
];

/** Mapper types whose claim is fixed rather than configured with `claim.name`. */
const FIXED_CLAIMS: Record<string, string> = {
  'oidc-sub-mapper': 'sub',
  'oidc-full-name-mapper': 'name',
  'oidc-audience-mapper': 'aud',
};

/** Protocol mappers a Keycloak 26 server provides (the ones this realm may use). */
const KEYCLOAK_MAPPER_TYPES = new Set([
  'oidc-audience-mapper',
  'oidc-sub-mapper',
  'oidc-full-name-mapper',
  'oidc-usermodel-attribute-mapper',
  'oidc-usermodel-property-mapper',
  'oidc-usermodel-realm-role-mapper',
  'oidc-usersessionmodel-note-mapper',
]);

/** The access-token claims a client's own mappers promise, by claim path. */
function promisedClaims(client: RealmClient): Map<string, ProtocolMapper> {
  const claims = new Map<string, ProtocolMapper>();
  for (const mapper of client.protocolMappers ?? []) {
    if (mapper.config['access.token.claim'] !== 'true') continue;
    const claim = mapper.config['claim.name'] ?? FIXED_CLAIMS[mapper.protocolMapper];
    if (!claim) throw new Error(`${client.clientId}: mapper "${mapper.name}" names no claim`);
    claims.set(claim, mapper);
  }
  return claims;
}

/** A claim by Keycloak's dotted path (`realm_access.roles`). */
function claimAt(payload: Record<string, unknown>, claimPath: string): unknown {
  return claimPath
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], payload);
}

const config = loadConfig({});
const realm = JSON.parse(readFileSync(REALM_FILE, 'utf8')) as RealmExport;
const clientById = (clientId: string) => {
  const client = realm.clients.find((c) => c.clientId === clientId);
  if (!client) throw new Error(`the realm has no client ${clientId}`);
  return client;
};
const webClient = () => clientById(config.KEYCLOAK_WEB_CLIENT_ID);
const serviceAccountClients = () => realm.clients.filter((c) => c.serviceAccountsEnabled);

let server: LoopbackServer;
let idp: DevIdentityProvider;
let verifier: TokenVerifier;
let seededServiceAccounts: ServiceAccountSeed[];
let seededRealmRoles: string[];

beforeAll(async () => {
  server = await startLoopbackServer();
  // As main.ts builds it when KEYCLOAK_URL is unset: the realm, web client and audience from the configuration.
  idp = await server.mountIdp({
    realm: config.KEYCLOAK_REALM,
    webClient: {
      clientId: config.KEYCLOAK_WEB_CLIENT_ID,
      redirectUris: [`${server.baseUrl}/auth/callback`],
      postLogoutRedirectUris: [`${server.baseUrl}/`],
    },
    apiAudience: config.KEYCLOAK_API_AUDIENCE,
  });
  verifier = createTokenVerifier({
    keycloakUrl: server.baseUrl,
    realm: config.KEYCLOAK_REALM,
    audience: config.KEYCLOAK_API_AUDIENCE,
  });
  const seeds = await loadDevUsers(SEEDS_DIR);
  seededServiceAccounts = seeds.serviceAccounts;
  seededRealmRoles = seeds.users.flatMap((u) => u.realmRoles);
});

afterAll(async () => {
  await server?.close();
});

describe('Keycloak realm export (ops/keycloak/otklik-realm.json) and the development identity provider', () => {
  it('name the same realm', async () => {
    expect(realm.realm).toBe(config.KEYCLOAK_REALM);
    expect(realm.enabled).toBe(true);
    expect(idp.issuer).toBe(`${server.baseUrl}/realms/${realm.realm}`);
    const discovery = await fetch(`${server.baseUrl}/realms/${realm.realm}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(idp.issuer);
  });

  it('have the same public PKCE web client, with the callback the dashboard uses', async () => {
    const web = webClient();
    expect(web).toMatchObject({
      enabled: true,
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
    });
    expect(web.secret).toBeUndefined();
    expect(web.attributes?.['pkce.code.challenge.method']).toBe('S256');
    // The dashboard redirects to <origin>/auth/callback and returns to <origin>/ after signing out.
    expect(web.redirectUris).toContain(`${config.publicUrl}/auth/callback`);
    for (const uri of web.redirectUris ?? []) expect(new URL(uri).pathname).toBe('/auth/callback');
    expect(web.webOrigins).toContain(config.publicUrl);
    expect(web.attributes?.['post.logout.redirect.uris']?.split('##')).toContain(`${config.publicUrl}/`);

    const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    const query = new URLSearchParams({
      client_id: web.clientId,
      response_type: 'code',
      redirect_uri: `${server.baseUrl}/auth/callback`,
      scope: 'openid profile email',
      state: 'state-1',
      code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const authorize = await fetch(`${idp.issuer}/protocol/openid-connect/auth?${query}`, { redirect: 'manual' });
    expect(authorize.status).toBe(303);
    expect(authorize.headers.get('location')).toContain(`/realms/${realm.realm}/login-actions/`);
  });

  it('have the same realm roles: the platform roles the server knows, and all the demo users hold', () => {
    const names = realm.roles.realm.map((r) => r.name).sort();
    expect(names).toEqual(Object.values(PlatformRole).sort());
    expect(realm.roles.realm.every((r) => r.clientRole === false)).toBe(true);
    expect(seededRealmRoles.length).toBeGreaterThan(0);
    for (const role of seededRealmRoles) expect(names).toContain(role);
  });

  it('put the API audience into the tokens of every client that gets tokens', () => {
    expect(clientById(config.KEYCLOAK_API_AUDIENCE)).toMatchObject({
      bearerOnly: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
    });
    const tokenClients = realm.clients.filter((c) => c.standardFlowEnabled || c.serviceAccountsEnabled);
    expect(tokenClients.map((c) => c.clientId)).toContain(config.KEYCLOAK_WEB_CLIENT_ID);
    expect(serviceAccountClients().length).toBeGreaterThan(0);
    for (const client of tokenClients) {
      const audience = promisedClaims(client).get('aud');
      expect(audience, client.clientId).toBeDefined();
      expect(audience?.config['included.client.audience']).toBe(config.KEYCLOAK_API_AUDIENCE);
      expect(audience?.config['id.token.claim']).toBe('false');
    }
  });

  it('have a confidential service-account client with client credentials only, mapped in service_account', () => {
    for (const client of serviceAccountClients()) {
      expect(client).toMatchObject({
        enabled: true,
        publicClient: false,
        clientAuthenticatorType: 'client-secret',
        standardFlowEnabled: false,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
      });
      expect(client.description).toContain('service_account');
    }
    // The development provider's own service accounts are the same kind of client.
    expect(seededServiceAccounts.length).toBeGreaterThan(0);
  });

  it('give a person the access-token claims the realm maps for the web client, as Keycloak shapes them', async () => {
    const web = webClient();
    const promised = [...promisedClaims(web).keys()];
    expect([...promised, ...KEYCLOAK_OWN_CLAIMS]).toEqual(expect.arrayContaining(SERVER_READS_FROM_PEOPLE));

    const { status, body } = await tokenRequest(idp.issuer, {
      grant_type: 'password',
      client_id: web.clientId,
      username: 'platform.admin',
      password: DEMO_PASSWORD,
      scope: 'openid profile email',
    });
    expect(status).toBe(200);
    expect(body.expires_in).toBe(realm.accessTokenLifespan);
    const { payload } = decodeJwt(body.access_token!);
    const missing = [...promised, ...KEYCLOAK_OWN_CLAIMS].filter((claim) => claimAt(payload, claim) === undefined);
    expect(missing).toEqual([]);

    expect(payload.typ).toBe('Bearer');
    expect(payload.azp).toBe(web.clientId);
    expect([payload.aud].flat()).toContain(config.KEYCLOAK_API_AUDIENCE);
    expect(payload.realm_access).toEqual({ roles: [PlatformRole.PLATFORM_ADMIN] });
    expect(payload).toMatchObject({ email: expect.any(String), email_verified: true, name: expect.any(String) });
    expect(await verifier.verify(body.access_token!)).toMatchObject({
      realmRoles: [PlatformRole.PLATFORM_ADMIN],
      clientId: web.clientId,
      isServiceAccount: false,
    });
  });

  it('give a service account the access-token claims the realm maps for service-account clients', async () => {
    for (const client of serviceAccountClients()) {
      expect([...promisedClaims(client).keys(), ...KEYCLOAK_OWN_CLAIMS]).toEqual(
        expect.arrayContaining(SERVER_READS_FROM_SERVICE_ACCOUNTS),
      );
    }
    const claims = new Set(serviceAccountClients().flatMap((c) => [...promisedClaims(c).keys()]));
    const seeded = seededServiceAccounts[0]!;
    const { status, body } = await tokenRequest(idp.issuer, {
      grant_type: 'client_credentials',
      client_id: seeded.clientId,
      client_secret: seeded.secret,
    });
    expect(status).toBe(200);
    const { payload } = decodeJwt(body.access_token!);
    const missing = [...claims, ...KEYCLOAK_OWN_CLAIMS].filter((claim) => claimAt(payload, claim) === undefined);
    expect(missing).toEqual([]);
    expect(payload).toMatchObject({
      typ: 'Bearer',
      azp: seeded.clientId,
      client_id: seeded.clientId,
      preferred_username: `service-account-${seeded.clientId}`,
    });
    expect([payload.aud].flat()).toContain(config.KEYCLOAK_API_AUDIENCE);
    expect(await verifier.verify(body.access_token!)).toMatchObject({
      isServiceAccount: true,
      clientId: seeded.clientId,
    });
  });

  it("keeps to what a Keycloak import takes: Keycloak's default client scopes, its mapper types, no secrets", () => {
    // A realm file that defines any client scope replaces all of Keycloak's default ones (basic with `sub`,
    // profile, email, roles, service_account), also for Keycloak's own clients: this one defines none.
    expect(realm.clientScopes).toBeUndefined();
    const clientIds = realm.clients.map((c) => c.clientId);
    expect(new Set(clientIds).size).toBe(clientIds.length);
    for (const client of realm.clients) {
      expect(client.secret, client.clientId).toBeUndefined();
      for (const mapper of client.protocolMappers ?? []) {
        expect(mapper.protocol).toBe('openid-connect');
        expect(KEYCLOAK_MAPPER_TYPES, `${client.clientId}: ${mapper.name}`).toContain(mapper.protocolMapper);
      }
    }
  });
});
