import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DevIdentityProvider } from '../../dev-idp/dev-idp.js';
import {
  API_AUDIENCE,
  WEB_CLIENT_ID,
  decodeJwt,
  passwordToken,
  startLoopbackServer,
  tokenRequest,
  type LoopbackServer,
} from '../../dev-idp/dev-idp.test-support.js';
import { bearerAuth } from './bearer.js';
import {
  AuthenticationError,
  createTokenVerifier,
  type AuthenticationFailure,
  type TokenVerifier,
} from './token-verifier.js';

let server: LoopbackServer;
let idp: DevIdentityProvider;
let otherRealm: DevIdentityProvider;
let verifier: TokenVerifier;
let keyStorePath: string;
let jwksRequests = 0;

beforeAll(async () => {
  server = await startLoopbackServer();
  server.app.use('/realms/otklik/protocol/openid-connect/certs', (_req, _res, next) => {
    jwksRequests += 1;
    next();
  });
  keyStorePath = path.join(server.dir, 'keys.json');
  idp = await server.mountIdp({ keyStorePath });
  otherRealm = await server.mountIdp({ realm: 'elsewhere' });
  verifier = createTokenVerifier({ keycloakUrl: server.baseUrl, realm: 'otklik', audience: API_AUDIENCE });
});

afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  vi.useRealTimers();
});

async function refusal(token: string, using = verifier): Promise<AuthenticationError> {
  const error = await using.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

async function expectRefused(token: string, reason: AuthenticationFailure, message: RegExp, using = verifier) {
  const error = await refusal(token, using);
  expect({ reason: error.reason, message: error.message }).toEqual({ reason, message: expect.stringMatching(message) });
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

/** The realm's current private signing key, as a test with access to the key store could mint with. */
async function realmSigningKey(): Promise<{ kid: string; key: KeyObject }> {
  const { keys } = JSON.parse(await readFile(keyStorePath, 'utf8')) as { keys: Array<{ kid: string }> };
  const [first] = keys;
  return { kid: first!.kid, key: createPrivateKey({ key: first as never, format: 'jwk' }) };
}

describe('createTokenVerifier (keycloak-connect, bearer-only)', () => {
  it('accepts a real access token and maps its claims', async () => {
    const token = await passwordToken(idp.issuer, 'platform.admin');
    const verified = await verifier.verify(token);
    expect(verified).toEqual({
      subject: '6ee80a4f-4808-46f2-b0b8-9af89520e9cb',
      email: 'platform.admin@demo.otklik.ru',
      emailVerified: true,
      username: 'platform.admin',
      name: 'Ирина Соколова',
      realmRoles: ['PLATFORM_ADMIN'],
      clientId: WEB_CLIENT_ID,
      isServiceAccount: false,
      expiresAt: new Date((decodeJwt(token).payload.exp as number) * 1000),
    });
  });

  it('marks client-credentials tokens as service accounts', async () => {
    const { body } = await tokenRequest(idp.issuer, {
      grant_type: 'client_credentials',
      client_id: 'fond-semya-integration',
      client_secret: 'fond-semya-integration-demo-secret',
    });
    expect(await verifier.verify(body.access_token!)).toMatchObject({
      subject: 'e0173c2e-3b6f-4df8-95a7-f8f3a093eb97',
      username: 'service-account-fond-semya-integration',
      clientId: 'fond-semya-integration',
      isServiceAccount: true,
      emailVerified: false,
      realmRoles: [],
    });
  });

  it('refuses an expired token', async () => {
    const token = await passwordToken(idp.issuer, 'semya.admin');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 301_000);
    await expectRefused(token, 'expired', /^token expired at /);
  });

  it('refuses a token from another realm (wrong issuer)', async () => {
    const token = await passwordToken(otherRealm.issuer, 'semya.admin');
    await expectRefused(token, 'wrong_issuer', /wrong issuer ".*\/realms\/elsewhere", expected ".*\/realms\/otklik"/);
  });

  it('refuses a token meant for another API (wrong audience)', async () => {
    const token = await passwordToken(idp.issuer, 'semya.admin');
    const otherApi = createTokenVerifier({ keycloakUrl: server.baseUrl, realm: 'otklik', audience: 'another-api' });
    await expectRefused(token, 'wrong_audience', /"another-api" is not in aud "otklik-api"/, otherApi);
  });

  it('refuses an ID token: not a bearer token', async () => {
    const { body } = await tokenRequest(idp.issuer, {
      grant_type: 'password',
      client_id: WEB_CLIENT_ID,
      username: 'semya.admin',
      password: 'otklik-demo',
      scope: 'openid',
    });
    await expectRefused(body.id_token!, 'not_bearer', /not a bearer token/);
  });

  it('refuses a token signed by a key that is not in the JWKS', async () => {
    const real = decodeJwt(await passwordToken(idp.issuer, 'semya.admin'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const unknownKid = signJwt({ ...real.header, kid: 'forged-key' }, real.payload, privateKey);
    await expectRefused(unknownKid, 'bad_signature', /signing key "forged-key" is not in the realm's JWKS/);
    const knownKid = signJwt(real.header, real.payload, privateKey);
    await expectRefused(knownKid, 'bad_signature', /^bad signature$/);
  });

  it('refuses a tampered payload', async () => {
    const [header, payload, signature] = (await passwordToken(idp.issuer, 'semya.viewer')).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = `${header}.${encode({ ...claims, realm_access: { roles: ['PLATFORM_ADMIN'] } })}.${signature}`;
    await expectRefused(tampered, 'bad_signature', /^bad signature$/);
  });

  it('refuses alg "none"', async () => {
    const real = decodeJwt(await passwordToken(idp.issuer, 'semya.admin'));
    const unsigned = `${encode({ ...real.header, alg: 'none' })}.${encode(real.payload)}.`;
    await expectRefused(unsigned, 'bad_signature', /unsupported signing algorithm "none"/);
  });

  it('refuses HS256 signed with the realm public key as the secret (algorithm confusion)', async () => {
    const real = decodeJwt(await passwordToken(idp.issuer, 'semya.admin'));
    const jwks = (await (await fetch(`${idp.issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: Array<Record<string, unknown>>;
    };
    const publicPem = createPublicKey({ key: jwks.keys[0] as never, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const input = `${encode({ ...real.header, alg: 'HS256' })}.${encode(real.payload)}`;
    const forged = `${input}.${createHmac('sha256', publicPem).update(input).digest('base64url')}`;
    await expectRefused(forged, 'bad_signature', /unsupported signing algorithm "HS256"/);
  });

  it('refuses malformed tokens, tokens without exp and tokens not yet valid', async () => {
    await expectRefused('not-a-jwt', 'malformed', /not a compact JWS/);
    await expectRefused(`${encode({ alg: 'RS256' })}.bm90IGpzb24.c2ln`, 'malformed', /not JSON/);
    const { kid, key } = await realmSigningKey();
    const claims = decodeJwt(await passwordToken(idp.issuer, 'semya.admin')).payload;
    const { exp: _exp, ...withoutExp } = claims;
    await expectRefused(signJwt({ alg: 'RS256', kid }, withoutExp, key), 'malformed', /no numeric exp/);
    const future = signJwt({ alg: 'RS256', kid }, { ...claims, nbf: Math.floor(Date.now() / 1000) + 3600 }, key);
    await expectRefused(future, 'not_yet_valid', /not valid before/);
  });

  it('follows key rotation without a new verifier, and keeps accepting tokens of the old key', async () => {
    // A realm of its own, so the rotation does not disturb the other tests' verifier.
    const rotatingIdp = await server.mountIdp({ realm: 'rotating' });
    const rotating = createTokenVerifier({
      keycloakUrl: server.baseUrl,
      realm: 'rotating',
      audience: API_AUDIENCE,
      jwksRefreshMinIntervalMs: 0,
    });
    const before = await passwordToken(rotatingIdp.issuer, 'moderator');
    await rotating.verify(before);
    await rotatingIdp.rotateKeys();
    const after = await passwordToken(rotatingIdp.issuer, 'moderator');
    expect(decodeJwt(after).header.kid).not.toBe(decodeJwt(before).header.kid);
    expect(await rotating.verify(after)).toMatchObject({ username: 'moderator', realmRoles: ['MODERATOR'] });
    expect(await rotating.verify(before)).toMatchObject({ username: 'moderator' });
  });

  it('refetches the JWKS for unknown kids at most once per interval', async () => {
    const throttled = createTokenVerifier({ keycloakUrl: server.baseUrl, realm: 'otklik', audience: API_AUDIENCE });
    const real = decodeJwt(await passwordToken(idp.issuer, 'semya.admin'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const start = jwksRequests;
    for (const kid of ['forged-1', 'forged-2', 'forged-3']) {
      await expectRefused(
        signJwt({ ...real.header, kid }, real.payload, privateKey),
        'bad_signature',
        /not in the realm's JWKS/,
        throttled,
      );
    }
    expect(jwksRequests - start).toBe(1);
  });

  it('says when the identity provider cannot be reached', async () => {
    const unreachable = createTokenVerifier({ keycloakUrl: UNREACHABLE_URL, realm: 'otklik', audience: API_AUDIENCE });
    await expectRefused(
      await unreachableRealmToken(),
      'jwks_unavailable',
      /^JWKS unavailable at http:\/\/127\.0\.0\.1:9\//,
      unreachable,
    );
  });
});

const UNREACHABLE_URL = 'http://127.0.0.1:9';

/** Well-formed claims for a realm whose JWKS cannot be fetched (nothing listens on port 9). */
async function unreachableRealmToken(): Promise<string> {
  const real = decodeJwt(await passwordToken(idp.issuer, 'semya.admin'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return signJwt(real.header, { ...real.payload, iss: `${UNREACHABLE_URL}/realms/otklik` }, privateKey);
}

describe('bearerAuth middleware', () => {
  let apiUrl: string;
  let closeApi: () => Promise<void>;

  beforeAll(async () => {
    const api = express();
    const whoami = (req: express.Request, res: express.Response) => {
      res.json({ auth: req.auth ?? null });
    };
    api.get('/whoami', bearerAuth(verifier), whoami);
    const unreachable = createTokenVerifier({ keycloakUrl: UNREACHABLE_URL, realm: 'otklik', audience: API_AUDIENCE });
    api.get('/whoami-unreachable-idp', bearerAuth(unreachable), whoami);
    const http = createServer(api);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/whoami`;
    closeApi = () => new Promise<void>((resolve) => http.close(() => resolve()));
  });

  afterAll(async () => {
    await closeApi?.();
  });

  it('lets anonymous requests through without req.auth', async () => {
    const response = await fetch(apiUrl);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ auth: null });
  });

  it('sets req.auth for a valid token', async () => {
    const token = await passwordToken(idp.issuer, 'semya.admin');
    const response = await fetch(apiUrl, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      auth: { subject: '61891c40-f783-4de0-8e6e-75146d40572d', username: 'semya.admin' },
    });
  });

  it.each([
    ['a foreign token', async () => `Bearer ${await passwordToken(otherRealm.issuer, 'semya.admin')}`, 'wrong_issuer'],
    [
      'a tampered token',
      async () => `Bearer ${(await passwordToken(idp.issuer, 'semya.admin')).slice(0, -4)}AAAA`,
      'bad_signature',
    ],
    ['another scheme', async () => 'Basic c2VteWE6b3RrbGlr', 'bad_header'],
    ['an empty bearer', async () => 'Bearer ', 'bad_header'],
  ])('answers %s with 401 UNAUTHENTICATED', async (_name, header, reason) => {
    const response = await fetch(apiUrl, { headers: { authorization: await header(), 'accept-language': 'en' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await response.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', reason } }],
    });
  });

  it("answers an expired token with 401 in the caller's language", async () => {
    const token = await passwordToken(idp.issuer, 'semya.admin');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_600_000);
    const response = await fetch(apiUrl, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'ru' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ message: 'Срок действия токена доступа истёк' }] });
  });

  it('answers 503 when the identity provider keys cannot be fetched', async () => {
    const response = await fetch(`${apiUrl}-unreachable-idp`, {
      headers: { authorization: `Bearer ${await unreachableRealmToken()}` },
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'jwks_unavailable' } }],
    });
  });
});
