import type { RuntimeConfig } from '../config/runtime-config';
import { base64UrlDecodeToString, createCodeChallenge, createCodeVerifier, randomUrlSafeString } from './pkce';
import { TokenStore, type TokenSet } from './token-store';

const PENDING_KEY = 'otklik.auth.pending';
/** Refresh this long before the access token really expires, to absorb clock skew and latency. */
const EXPIRY_MARGIN_MS = 30_000;
/** An authorization request older than this is not accepted back. */
const PENDING_MAX_AGE_MS = 10 * 60_000;

export type AuthErrorCode =
  'STATE_MISMATCH' | 'NO_PENDING_REQUEST' | 'PROVIDER_ERROR' | 'TOKEN_REQUEST_FAILED' | 'NONCE_MISMATCH';

export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface PendingRequest {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: number;
}

interface TokenResponse {
  access_token: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_expires_in?: number;
  id_token?: string;
}

export interface OidcDependencies {
  fetch: typeof fetch;
  storage: Storage | null;
  origin: string;
  navigate: (url: string) => void;
  now: () => number;
}

/** Only same-origin paths may be returned to after signing in. */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return '/';
  }
  if (candidate.startsWith('/auth/callback')) return '/';
  return candidate;
}

function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const parsed: unknown = JSON.parse(base64UrlDecodeToString(payload));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * An OpenID Connect client for a public browser application: authorization
 * code flow with PKCE (S256) against Keycloak's endpoints (or the embedded
 * development provider that serves the same paths).
 */
export class OidcClient {
  readonly tokens: TokenStore;
  private refreshing: Promise<string | null> | null = null;
  private callbackInFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly config: RuntimeConfig,
    private readonly deps: OidcDependencies,
  ) {
    this.tokens = new TokenStore(deps.storage);
  }

  get endpoints() {
    const base = `${this.config.keycloakUrl}/realms/${encodeURIComponent(this.config.realm)}/protocol/openid-connect`;
    return {
      authorization: `${base}/auth`,
      token: `${base}/token`,
      logout: `${base}/logout`,
      userinfo: `${base}/userinfo`,
    };
  }

  get redirectUri(): string {
    return `${this.deps.origin}/auth/callback`;
  }

  isSignedIn(): boolean {
    const tokens = this.tokens.get();
    if (!tokens) return false;
    return !this.isExpired(tokens.expiresAt) || this.canRefresh(tokens);
  }

  /** Builds the authorization request and remembers what the callback must check. */
  async createAuthorizationUrl(options: { returnTo?: string; locale?: string } = {}): Promise<string> {
    const codeVerifier = createCodeVerifier();
    const pending: PendingRequest = {
      state: randomUrlSafeString(16),
      nonce: randomUrlSafeString(16),
      codeVerifier,
      returnTo: safeReturnPath(options.returnTo),
      createdAt: this.deps.now(),
    };
    this.deps.storage?.setItem(PENDING_KEY, JSON.stringify(pending));
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.redirectUri,
      scope: 'openid profile email',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await createCodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    if (options.locale) params.set('ui_locales', options.locale);
    return `${this.endpoints.authorization}?${params.toString()}`;
  }

  async signIn(options: { returnTo?: string; locale?: string } = {}): Promise<void> {
    this.deps.navigate(await this.createAuthorizationUrl(options));
  }

  /**
   * Completes the redirect back from the provider: checks the state, exchanges
   * the code (with the verifier) for tokens and returns the path to go back to.
   * Calling it twice with the same query string shares one exchange.
   */
  handleCallback(search: string): Promise<string> {
    const existing = this.callbackInFlight.get(search);
    if (existing) return existing;
    const promise = this.exchangeCode(search);
    this.callbackInFlight.set(search, promise);
    return promise;
  }

  /** A valid access token, refreshed first when it has expired; null when signed out. */
  async getAccessToken(): Promise<string | null> {
    const tokens = this.tokens.get();
    if (!tokens) return null;
    if (!this.isExpired(tokens.expiresAt)) return tokens.accessToken;
    if (!this.canRefresh(tokens)) {
      this.tokens.set(null);
      return null;
    }
    this.refreshing ??= this.refresh(tokens.refreshToken!).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Forgets the session here and ends it at the provider. */
  signOut(): void {
    const idToken = this.tokens.get()?.idToken;
    this.tokens.set(null);
    const params = new URLSearchParams({
      client_id: this.config.clientId,
      post_logout_redirect_uri: `${this.deps.origin}/`,
    });
    if (idToken) params.set('id_token_hint', idToken);
    this.deps.navigate(`${this.endpoints.logout}?${params.toString()}`);
  }

  /** Drops the local session without a round trip (the server refused the token). */
  forgetSession(): void {
    this.tokens.set(null);
  }

  private async exchangeCode(search: string): Promise<string> {
    const params = new URLSearchParams(search);
    const pending = this.takePendingRequest();
    const providerError = params.get('error');
    if (providerError) {
      throw new AuthError('PROVIDER_ERROR', params.get('error_description') ?? providerError);
    }
    if (!pending) throw new AuthError('NO_PENDING_REQUEST', 'No sign-in was started in this tab');
    if (params.get('state') !== pending.state) {
      throw new AuthError('STATE_MISMATCH', 'The sign-in response does not match the request');
    }
    const code = params.get('code');
    if (!code) throw new AuthError('PROVIDER_ERROR', 'The sign-in response has no code');

    const tokens = await this.requestTokens({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.redirectUri,
      client_id: this.config.clientId,
      code_verifier: pending.codeVerifier,
    });
    if (tokens.idToken) {
      const claims = decodeJwtPayload(tokens.idToken);
      if (claims && 'nonce' in claims && claims.nonce !== pending.nonce) {
        throw new AuthError('NONCE_MISMATCH', 'The identity token was issued for another request');
      }
    }
    this.tokens.set(tokens);
    return pending.returnTo;
  }

  private async refresh(refreshToken: string): Promise<string | null> {
    try {
      const tokens = await this.requestTokens({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: this.config.clientId,
      });
      this.tokens.set({ ...tokens, idToken: tokens.idToken ?? this.tokens.get()?.idToken });
      return tokens.accessToken;
    } catch (error) {
      // The provider refused the refresh token (expired session, logout elsewhere): signed out.
      if (error instanceof AuthError) {
        this.tokens.set(null);
        return null;
      }
      throw error;
    }
  }

  private async requestTokens(body: Record<string, string>): Promise<TokenSet> {
    const response = await this.deps.fetch(this.endpoints.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(body).toString(),
    });
    let payload: Partial<TokenResponse> & { error?: string; error_description?: string } = {};
    try {
      payload = (await response.json()) as typeof payload;
    } catch {
      // A non-JSON error page; reported below by status.
    }
    if (!response.ok || typeof payload.access_token !== 'string') {
      throw new AuthError(
        'TOKEN_REQUEST_FAILED',
        payload.error_description ?? payload.error ?? `Token endpoint answered HTTP ${response.status}`,
      );
    }
    const now = this.deps.now();
    return {
      accessToken: payload.access_token,
      expiresAt: now + (payload.expires_in ?? 300) * 1000,
      refreshToken: payload.refresh_token,
      // Keycloak sends refresh_expires_in; 0 means an offline token without expiry.
      refreshExpiresAt: payload.refresh_expires_in ? now + payload.refresh_expires_in * 1000 : undefined,
      idToken: payload.id_token,
    };
  }

  private takePendingRequest(): PendingRequest | null {
    const raw = this.deps.storage?.getItem(PENDING_KEY);
    this.deps.storage?.removeItem(PENDING_KEY);
    if (!raw) return null;
    try {
      const pending = JSON.parse(raw) as PendingRequest;
      if (this.deps.now() - pending.createdAt > PENDING_MAX_AGE_MS) return null;
      return pending;
    } catch {
      return null;
    }
  }

  private isExpired(expiresAt: number): boolean {
    return this.deps.now() >= expiresAt - EXPIRY_MARGIN_MS;
  }

  private canRefresh(tokens: TokenSet): boolean {
    if (!tokens.refreshToken) return false;
    return tokens.refreshExpiresAt === undefined || this.deps.now() < tokens.refreshExpiresAt - EXPIRY_MARGIN_MS;
  }
}

export function createBrowserOidcClient(config: RuntimeConfig): OidcClient {
  let storage: Storage | null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  return new OidcClient(config, {
    fetch: (input, init) => fetch(input, init),
    storage,
    origin: window.location.origin,
    navigate: (url) => window.location.assign(url),
    now: () => Date.now(),
  });
}
