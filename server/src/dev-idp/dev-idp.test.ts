import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from '../common/auth/token-verifier.js';
import type { DevIdentityProvider } from './dev-idp.js';
import {
  API_AUDIENCE,
  CookieJar,
  DEMO_PASSWORD,
  WEB_CLIENT_ID,
  decodeJwt,
  passwordToken,
  startLoopbackServer,
  tokenRequest,
  type LoopbackServer,
} from './dev-idp.test-support.js';

const SEMYA_ADMIN_ID = '61891c40-f783-4de0-8e6e-75146d40572d';
const INTEGRATION = { clientId: 'fond-semya-integration', secret: 'fond-semya-integration-demo-secret' };
const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
});

let server: LoopbackServer;
let idp: DevIdentityProvider;
let verifier: TokenVerifier;
let keyStorePath: string;

beforeAll(async () => {
  server = await startLoopbackServer();
  keyStorePath = path.join(server.dir, 'dev-idp-keys.json');
  idp = await server.mountIdp({ keyStorePath });
  verifier = createTokenVerifier({ keycloakUrl: server.baseUrl, realm: 'otklik', audience: API_AUDIENCE });
});

afterAll(async () => {
  await server?.close();
});

describe('development identity provider: Keycloak paths', () => {
  it('publishes discovery at the realm with Keycloak endpoint paths and the exact issuer', async () => {
    const response = await fetch(`${server.baseUrl}/realms/otklik/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, unknown>;
    const oidc = `${server.baseUrl}/realms/otklik/protocol/openid-connect`;
    expect(doc).toMatchObject({
      issuer: `${server.baseUrl}/realms/otklik`,
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      jwks_uri: `${oidc}/certs`,
      userinfo_endpoint: `${oidc}/userinfo`,
      end_session_endpoint: `${oidc}/logout`,
    });
    expect(doc.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'client_credentials', 'password', 'refresh_token']),
    );
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    expect(idp.issuer).toBe(doc.issuer);
  });

  it('serves public RS256 keys only, persisted to the key store', async () => {
    const jwks = (await (await fetch(`${idp.issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: Array<Record<string, unknown>>;
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const stored = JSON.parse(await readFile(keyStorePath, 'utf8')) as { keys: Array<{ kid: string }> };
    expect(stored.keys[0]?.kid).toBe(jwks.keys[0]?.kid);
  });
});

describe('password grant (direct access)', () => {
  it('issues a Keycloak-shaped access token for a demo user', async () => {
    const { status, body } = await tokenRequest(idp.issuer, {
      grant_type: 'password',
      client_id: WEB_CLIENT_ID,
      username: 'platform.admin',
      password: DEMO_PASSWORD,
      scope: 'openid',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'openid profile email' });
    const { header, payload } = decodeJwt(body.access_token!);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(header.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({
      iss: idp.issuer,
      sub: '6ee80a4f-4808-46f2-b0b8-9af89520e9cb',
      aud: API_AUDIENCE,
      typ: 'Bearer',
      azp: WEB_CLIENT_ID,
      realm_access: { roles: ['PLATFORM_ADMIN'] },
      preferred_username: 'platform.admin',
      email: 'platform.admin@demo.otklik.ru',
      email_verified: true,
      name: 'Ирина Соколова',
      scope: 'openid profile email',
    });
    expect(payload.exp).toBe((payload.iat as number) + 300);
    expect(payload.jti).toEqual(expect.any(String));
    expect(decodeJwt(body.id_token!).payload).toMatchObject({
      aud: WEB_CLIENT_ID,
      sub: payload.sub,
      preferred_username: 'platform.admin',
    });
    expect(body.refresh_token).toEqual(expect.any(String));
  });

  it('accepts the email as the username and works for confidential clients too', async () => {
    const { status, body } = await tokenRequest(
      idp.issuer,
      { grant_type: 'password', username: 'semya.editor@demo.otklik.ru', password: DEMO_PASSWORD },
      basic(INTEGRATION.clientId, INTEGRATION.secret),
    );
    expect(status).toBe(200);
    expect(decodeJwt(body.access_token!).payload).toMatchObject({
      preferred_username: 'semya.editor',
      azp: INTEGRATION.clientId,
    });
    expect(body.id_token).toBeUndefined();
  });

  it('answers a wrong password with 401 invalid_grant, like Keycloak', async () => {
    const { status, body } = await tokenRequest(idp.issuer, {
      grant_type: 'password',
      client_id: WEB_CLIENT_ID,
      username: 'semya.admin',
      password: 'wrong-password',
    });
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
  });
});

describe('client credentials (service accounts)', () => {
  it('issues a service-account token with the client as subject and azp', async () => {
    const { status, body } = await tokenRequest(
      idp.issuer,
      { grant_type: 'client_credentials' },
      basic(INTEGRATION.clientId, INTEGRATION.secret),
    );
    expect(status).toBe(200);
    expect(body.refresh_token).toBeUndefined();
    const { payload } = decodeJwt(body.access_token!);
    expect(payload).toMatchObject({
      iss: idp.issuer,
      sub: 'e0173c2e-3b6f-4df8-95a7-f8f3a093eb97',
      aud: API_AUDIENCE,
      typ: 'Bearer',
      azp: INTEGRATION.clientId,
      clientId: INTEGRATION.clientId,
      preferred_username: `service-account-${INTEGRATION.clientId}`,
      realm_access: { roles: [] },
    });
    const verified = await verifier.verify(body.access_token!);
    expect(verified).toMatchObject({ isServiceAccount: true, clientId: INTEGRATION.clientId, realmRoles: [] });
  });

  it('accepts the secret in the form body and refuses a wrong one', async () => {
    const ok = await tokenRequest(idp.issuer, {
      grant_type: 'client_credentials',
      client_id: INTEGRATION.clientId,
      client_secret: INTEGRATION.secret,
    });
    expect(ok.status).toBe(200);
    const wrong = await tokenRequest(idp.issuer, {
      grant_type: 'client_credentials',
      client_id: INTEGRATION.clientId,
      client_secret: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
  });

  it('registers confidential clients at runtime', async () => {
    const client = {
      clientId: `api-client-${randomUUID().slice(0, 8)}`,
      secret: randomBytes(24).toString('base64url'),
      id: randomUUID(),
    };
    expect(
      (await tokenRequest(idp.issuer, { grant_type: 'client_credentials' }, basic(client.clientId, client.secret)))
        .status,
    ).toBe(401);
    idp.registerClient(client);
    const { status, body } = await tokenRequest(
      idp.issuer,
      { grant_type: 'client_credentials' },
      basic(client.clientId, client.secret),
    );
    expect(status).toBe(200);
    expect(decodeJwt(body.access_token!).payload).toMatchObject({ sub: client.id, azp: client.clientId });
  });
});

describe('authorization code flow with PKCE (the web app)', () => {
  const redirectUri = () => `${server.baseUrl}/auth/callback`;

  async function authorize(jar: CookieJar, extra: Record<string, string> = {}) {
    const codeVerifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      response_type: 'code',
      redirect_uri: redirectUri(),
      scope: 'openid profile email',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...extra,
    });
    const response = await jar.fetch(`${idp.issuer}/protocol/openid-connect/auth?${query}`);
    expect(response.status).toBe(303);
    return { codeVerifier, location: new URL(response.headers.get('location')!, server.baseUrl).href };
  }

  async function startLogin(jar: CookieJar, extra: Record<string, string> = {}) {
    const { codeVerifier, location: loginUrl } = await authorize(jar, extra);
    expect(loginUrl).toMatch(new RegExp(`^${server.baseUrl}/realms/otklik/login-actions/`));
    return { codeVerifier, loginUrl };
  }

  it('signs in on the login page, then exchanges the code for tokens', async () => {
    const jar = new CookieJar();
    const { codeVerifier, loginUrl } = await startLogin(jar);

    const page = await jar.fetch(loginUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toMatch(/<main>[\s\S]*<h1>Вход в Отклик<\/h1>/);
    expect(html).toContain('<label for="username">');
    expect(html).toContain('<label for="password">Пароль</label>');
    const action = new URL(/action="([^"]+)"/.exec(html)![1]!, server.baseUrl).href;

    const post = (username: string, password: string) =>
      jar.fetch(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username, password }),
      });

    const wrong = await post('semya.admin', 'not-the-password');
    expect(wrong.status).toBe(200);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('role="alert"');
    expect(wrongHtml).toContain('Неверное имя пользователя или пароль.');
    expect(wrongHtml).toContain('value="semya.admin"');

    const accepted = await post('semya.admin', DEMO_PASSWORD);
    expect(accepted.status).toBe(303);
    const resumed = await jar.fetch(new URL(accepted.headers.get('location')!, server.baseUrl).href);
    expect(resumed.status).toBe(303);
    const callback = new URL(resumed.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri());
    expect(callback.searchParams.get('state')).toBe('state-1');
    expect(callback.searchParams.get('iss')).toBe(idp.issuer);
    const code = callback.searchParams.get('code')!;

    const wrongVerifier = await tokenRequest(idp.issuer, {
      grant_type: 'authorization_code',
      client_id: WEB_CLIENT_ID,
      code,
      redirect_uri: redirectUri(),
      code_verifier: randomBytes(32).toString('base64url'),
    });
    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.body.error).toBe('invalid_grant');

    const exchanged = await tokenRequest(idp.issuer, {
      grant_type: 'authorization_code',
      client_id: WEB_CLIENT_ID,
      code,
      redirect_uri: redirectUri(),
      code_verifier: codeVerifier,
    });
    expect(exchanged.status).toBe(200);
    expect(await verifier.verify(exchanged.body.access_token!)).toMatchObject({ subject: SEMYA_ADMIN_ID });
    const replayed = await tokenRequest(idp.issuer, {
      grant_type: 'authorization_code',
      client_id: WEB_CLIENT_ID,
      code,
      redirect_uri: redirectUri(),
      code_verifier: codeVerifier,
    });
    expect(replayed.body.error).toBe('invalid_grant');

    // Signed in: the next authorization request skips the login page, and there is no consent screen.
    const again = await authorize(jar);
    expect(again.location.startsWith(`${redirectUri()}?code=`)).toBe(true);
  });

  it('completes end to end: code, tokens, verification, userinfo, refresh and logout', async () => {
    const jar = new CookieJar();
    const { codeVerifier, loginUrl } = await startLogin(jar, { ui_locales: 'en' });
    const page = await (await jar.fetch(loginUrl)).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<label for="password">Password</label>');
    const action = new URL(/action="([^"]+)"/.exec(page)![1]!, server.baseUrl).href;
    const accepted = await jar.fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'Semya.Admin', password: DEMO_PASSWORD }),
    });
    const resumed = await jar.fetch(new URL(accepted.headers.get('location')!, server.baseUrl).href);
    const code = new URL(resumed.headers.get('location')!).searchParams.get('code')!;

    const tokens = await tokenRequest(
      idp.issuer,
      {
        grant_type: 'authorization_code',
        client_id: WEB_CLIENT_ID,
        code,
        redirect_uri: redirectUri(),
        code_verifier: codeVerifier,
      },
      { origin: server.baseUrl },
    );
    expect(tokens.status).toBe(200);
    const { access_token: accessToken, id_token: idToken, refresh_token: refreshToken } = tokens.body;
    expect(decodeJwt(idToken!).payload).toMatchObject({
      sub: SEMYA_ADMIN_ID,
      nonce: 'nonce-1',
      email: 'semya.admin@demo.otklik.ru',
    });

    const verified = await verifier.verify(accessToken!);
    expect(verified).toMatchObject({
      subject: SEMYA_ADMIN_ID,
      username: 'semya.admin',
      email: 'semya.admin@demo.otklik.ru',
      emailVerified: true,
      name: 'Анна Петрова',
      realmRoles: [],
      clientId: WEB_CLIENT_ID,
      isServiceAccount: false,
    });

    const userinfo = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({
      sub: SEMYA_ADMIN_ID,
      preferred_username: 'semya.admin',
      name: 'Анна Петрова',
    });
    const forged = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, {
      headers: { authorization: `Bearer ${accessToken}x` },
    });
    expect(forged.status).toBe(401);

    const refreshed = await tokenRequest(idp.issuer, {
      grant_type: 'refresh_token',
      client_id: WEB_CLIENT_ID,
      refresh_token: refreshToken!,
    });
    expect(refreshed.status).toBe(200);
    expect(await verifier.verify(refreshed.body.access_token!)).toMatchObject({ subject: SEMYA_ADMIN_ID });

    const logoutPage = await jar.fetch(
      `${idp.issuer}/protocol/openid-connect/logout?${new URLSearchParams({ id_token_hint: idToken!, post_logout_redirect_uri: `${server.baseUrl}/` })}`,
    );
    expect(logoutPage.status).toBe(200);
    const logoutHtml = await logoutPage.text();
    const logoutAction = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(logoutHtml)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(logoutHtml)![1]!;
    const loggedOut = await jar.fetch(logoutAction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(loggedOut.status).toBe(303);
    expect(loggedOut.headers.get('location')).toBe(`${server.baseUrl}/`);

    // Signed out: the next authorization request shows the login page again.
    const again = await startLogin(jar);
    expect((await jar.fetch(again.loginUrl)).status).toBe(200);
  });

  it('switches the login page language with ?lang=en and explains an expired interaction', async () => {
    const jar = new CookieJar();
    const { loginUrl } = await startLogin(jar);
    const english = await (await jar.fetch(`${loginUrl}?lang=en`)).text();
    expect(english).toContain('<h1>Sign in to Otklik</h1>');
    expect(english).toContain('lang="ru" hreflang="ru">Русский</a>');

    const stale = await fetch(loginUrl);
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain('Сеанс входа истёк');
  });
});

describe('key store and rotation', () => {
  it('reuses the persisted keys on restart, so earlier tokens still verify', async () => {
    const token = await passwordToken(idp.issuer, 'moderator');
    const restarted = await createSecondInstance();
    const certs = (await (await fetch(`${restarted.issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    expect(certs.keys.map((k) => k.kid)).toContain(decodeJwt(token).header.kid);
  });

  it('rotates to a new signing key and keeps publishing the old one', async () => {
    const before = await passwordToken(idp.issuer, 'moderator');
    await idp.rotateKeys();
    const after = await passwordToken(idp.issuer, 'moderator');
    expect(decodeJwt(after).header.kid).not.toBe(decodeJwt(before).header.kid);
    const certs = (await (await fetch(`${idp.issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    expect(certs.keys.map((k) => k.kid)).toEqual([decodeJwt(after).header.kid, decodeJwt(before).header.kid]);
  });
});

/** Another IdP from the same key store, under its own realm name so both can be mounted. */
async function createSecondInstance(): Promise<DevIdentityProvider> {
  return server.mountIdp({ keyStorePath, realm: 'otklik-restarted' });
}
