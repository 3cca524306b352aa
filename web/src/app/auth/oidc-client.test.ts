import { describe, expect, it, vi } from 'vitest';
import { AuthError, OidcClient, safeReturnPath, type OidcDependencies } from './oidc-client';
import { createCodeChallenge } from './pkce';

const config = { keycloakUrl: 'http://idp.test', realm: 'otklik', clientId: 'otklik-web', graphqlUrl: '/graphql' };

function setup(responses: Array<{ status: number; body: unknown }> = []) {
  const storage = window.sessionStorage;
  storage.clear();
  let now = 1_000_000;
  const navigate = vi.fn<(url: string) => void>();
  const fetchMock = vi.fn(async () => {
    const next = responses.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(next.body), { status: next.status });
  });
  const deps: OidcDependencies = {
    fetch: fetchMock as unknown as typeof fetch,
    storage,
    origin: 'http://app.test',
    navigate,
    now: () => now,
  };
  return {
    client: new OidcClient(config, deps),
    fetchMock,
    navigate,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function callbackSearch(url: string, overrides: Record<string, string> = {}) {
  const request = new URL(url).searchParams;
  return '?' + new URLSearchParams({ code: 'the-code', state: request.get('state') ?? '', ...overrides }).toString();
}

describe('OidcClient', () => {
  it('asks for an authorization code with an S256 challenge of the stored verifier', async () => {
    const { client } = setup();
    const url = new URL(await client.createAuthorizationUrl({ returnTo: '/groups/detstvo', locale: 'ru' }));
    expect(url.origin + url.pathname).toBe('http://idp.test/realms/otklik/protocol/openid-connect/auth');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('otklik-web');
    expect(url.searchParams.get('redirect_uri')).toBe('http://app.test/auth/callback');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('ui_locales')).toBe('ru');
    const pending = JSON.parse(window.sessionStorage.getItem('otklik.auth.pending') ?? '{}');
    expect(await createCodeChallenge(pending.codeVerifier)).toBe(url.searchParams.get('code_challenge'));
  });

  it('exchanges the code with the verifier and returns to the remembered path', async () => {
    const { client, fetchMock } = setup([
      { status: 200, body: { access_token: 'a1', expires_in: 300, refresh_token: 'r1', refresh_expires_in: 1800 } },
    ]);
    const url = await client.createAuthorizationUrl({ returnTo: '/my/organisation' });
    await expect(client.handleCallback(callbackSearch(url))).resolves.toBe('/my/organisation');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const body = new URLSearchParams(String(init.body));
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('code')).toBe('the-code');
    expect(body.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(client.getAccessToken()).resolves.toBe('a1');
    expect(window.sessionStorage.getItem('otklik.auth.tokens')).toContain('a1');
  });

  it('refuses a response whose state does not match', async () => {
    const { client, fetchMock } = setup();
    const url = await client.createAuthorizationUrl();
    const error = await client.handleCallback(callbackSearch(url, { state: 'forged' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('STATE_MISMATCH');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refreshes an expired access token once for concurrent callers', async () => {
    const { client, fetchMock, advance } = setup([
      { status: 200, body: { access_token: 'a1', expires_in: 60, refresh_token: 'r1', refresh_expires_in: 1800 } },
      { status: 200, body: { access_token: 'a2', expires_in: 60, refresh_token: 'r2', refresh_expires_in: 1800 } },
    ]);
    const url = await client.createAuthorizationUrl();
    await client.handleCallback(callbackSearch(url));
    advance(61_000);
    const [first, second] = await Promise.all([client.getAccessToken(), client.getAccessToken()]);
    expect([first, second]).toEqual(['a2', 'a2']);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('signs out locally when the refresh token is refused', async () => {
    const { client, advance } = setup([
      { status: 200, body: { access_token: 'a1', expires_in: 60, refresh_token: 'r1' } },
      { status: 400, body: { error: 'invalid_grant' } },
    ]);
    const url = await client.createAuthorizationUrl();
    await client.handleCallback(callbackSearch(url));
    advance(120_000);
    await expect(client.getAccessToken()).resolves.toBeNull();
    expect(client.isSignedIn()).toBe(false);
  });

  it('ends the session at the provider with a post-logout redirect', async () => {
    const { client, navigate } = setup([
      { status: 200, body: { access_token: 'a1', expires_in: 300, id_token: 'x.eyJzdWIiOiIxIn0.y' } },
    ]);
    await client.handleCallback(callbackSearch(await client.createAuthorizationUrl()));
    client.signOut();
    const target = new URL(navigate.mock.calls[0]![0]);
    expect(target.pathname).toBe('/realms/otklik/protocol/openid-connect/logout');
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe('http://app.test/');
    expect(target.searchParams.get('id_token_hint')).toBe('x.eyJzdWIiOiIxIn0.y');
    expect(client.isSignedIn()).toBe(false);
  });

  it('only returns to same-origin paths', () => {
    expect(safeReturnPath('/groups/a?x=1')).toBe('/groups/a?x=1');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/auth/callback?code=1')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});
