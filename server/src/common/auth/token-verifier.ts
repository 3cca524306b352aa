import { createGrantManager, parseKeycloakToken, type KeycloakTokenContent } from './keycloak-adapter.js';
import { JwksCache } from './jwks-cache.js';

/** The caller as the identity provider vouches for it; the only shape the rest of the server sees. */
export interface VerifiedToken {
  subject: string;
  email?: string;
  emailVerified: boolean;
  username?: string;
  name?: string;
  realmRoles: string[];
  /** `azp`: the client the token was issued to. */
  clientId?: string;
  /**
   * A client-credentials token: `preferred_username` is `service-account-<client>` and Keycloak's
   * service-account mapper put `client_id` equal to `azp` (a username alone can be chosen by users).
   */
  isServiceAccount: boolean;
  expiresAt: Date;
}

export type AuthenticationFailure =
  | 'malformed'
  | 'not_bearer'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'bad_signature'
  | 'jwks_unavailable';

/** A token that must not be trusted; `message` says why, `reason` is stable for code. */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';

  constructor(
    readonly reason: AuthenticationFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface TokenVerifierOptions {
  /** Keycloak base URL, e.g. http://localhost:4000 */
  keycloakUrl: string;
  realm: string;
  /** Must be in every accepted token's `aud`. */
  audience: string;
  /** Minimum time between JWKS refetches for unknown kids; default 10 s (Keycloak adapters' default). */
  jwksRefreshMinIntervalMs?: number;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

/** Verifies Keycloak access tokens the way keycloak-connect's bearer-only adapter does, plus nbf. */
export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  const keycloakUrl = opts.keycloakUrl.replace(/\/+$/, '');
  const realmUrl = `${keycloakUrl}/realms/${opts.realm}`;
  const keys = new JwksCache(`${realmUrl}/protocol/openid-connect/certs`, opts.jwksRefreshMinIntervalMs ?? 10_000);
  const grantManager = createGrantManager({ keycloakUrl, realm: opts.realm, audience: opts.audience, keys });

  return {
    async verify(raw: string): Promise<VerifiedToken> {
      const token = parseKeycloakToken(checkStructure(raw), opts.audience);
      const { content } = token;
      if (typeof content.exp !== 'number') {
        // keycloak-connect would treat a token without exp as never expiring.
        throw new AuthenticationError('malformed', 'token has no numeric exp claim');
      }
      try {
        await grantManager.validateToken(token, 'Bearer');
      } catch (error) {
        throw translate(error, content, realmUrl, opts.audience);
      }
      if (typeof content.nbf === 'number' && content.nbf * 1000 > Date.now()) {
        throw new AuthenticationError('not_yet_valid', `token is not valid before ${isoDate(content.nbf)}`);
      }
      return toVerifiedToken(content);
    },
  };
}

function checkStructure(raw: string): string {
  const parts = typeof raw === 'string' ? raw.split('.') : [];
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) {
    throw new AuthenticationError('malformed', 'token is not a compact JWS (header.payload.signature)');
  }
  const [header, payload] = parts.slice(0, 2).map(decodeJson);
  if (!header || !payload) throw new AuthenticationError('malformed', 'token header or payload is not JSON');
  // keycloak-connect always checks RSA-SHA256 whatever `alg` says; refuse anything else up front.
  if (header.alg !== 'RS256') {
    throw new AuthenticationError(
      'bad_signature',
      `unsupported signing algorithm "${String(header.alg)}", expected RS256`,
    );
  }
  if (typeof payload.sub !== 'string' || !payload.sub) {
    throw new AuthenticationError('malformed', 'token has no subject (sub)');
  }
  return raw;
}

function decodeJson(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** keycloak-connect rejects with plain Errors; give each a stable reason and a precise message. */
function translate(error: unknown, content: KeycloakTokenContent, realmUrl: string, audience: string) {
  const message = error instanceof Error ? error.message : String(error);
  const fail = (reason: AuthenticationFailure, text: string) => new AuthenticationError(reason, text, { cause: error });
  if (message.includes('(expired)')) return fail('expired', `token expired at ${isoDate(content.exp)}`);
  if (message.includes('(stale token)')) return fail('expired', 'token was issued before the realm not-before time');
  if (message.includes('(wrong type)')) {
    return fail('not_bearer', `not a bearer token: typ is ${JSON.stringify(content.typ)}, expected "Bearer"`);
  }
  if (message.includes('(wrong ISS)')) {
    return fail('wrong_issuer', `wrong issuer ${JSON.stringify(content.iss)}, expected "${realmUrl}"`);
  }
  if (message.includes('(wrong audience)')) {
    return fail('wrong_audience', `wrong audience: "${audience}" is not in aud ${JSON.stringify(content.aud)}`);
  }
  if (message.includes('signature)')) return fail('bad_signature', 'bad signature');
  if (message.includes('JWKS unavailable')) return fail('jwks_unavailable', message.replace(/^.*Reason: /, ''));
  if (message.startsWith('failed to load public key')) {
    return fail('bad_signature', `bad signature: ${message.replace(/^.*Reason: /, '')}`);
  }
  return fail('malformed', message);
}

function toVerifiedToken(content: KeycloakTokenContent): VerifiedToken {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const roles = content.realm_access?.roles;
  const username = text(content.preferred_username);
  return {
    subject: content.sub as string,
    email: text(content.email),
    emailVerified: content.email_verified === true,
    username,
    name: text(content.name),
    realmRoles: Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [],
    clientId: text(content.azp),
    isServiceAccount:
      Boolean(username?.startsWith('service-account-')) &&
      typeof content.client_id === 'string' &&
      content.client_id === content.azp,
    expiresAt: new Date((content.exp as number) * 1000),
  };
}

function isoDate(epochSeconds: unknown): string {
  return typeof epochSeconds === 'number' ? new Date(epochSeconds * 1000).toISOString() : String(epochSeconds);
}
