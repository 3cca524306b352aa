import { createRequire } from 'node:module';
import type { KeyObject } from 'node:crypto';

// keycloak-connect's typings cover only its session-based middleware; these are the bearer-only
// building blocks (Config, GrantManager, Token) its own `protect()` uses to check a token.

export interface KeycloakTokenContent {
  [claim: string]: unknown;
  exp?: number;
  iat?: number;
  nbf?: number;
  iss?: string;
  sub?: string;
  aud?: string | string[];
  typ?: string;
  azp?: string;
  realm_access?: { roles?: unknown };
}

export interface KeycloakToken {
  token: string;
  header: { alg?: string; kid?: string; [key: string]: unknown };
  content: KeycloakTokenContent;
  signed?: string;
}

/** What GrantManager asks of its `rotation` (JWKS cache) when no realm public key is configured. */
export interface KeyResolver {
  getJWK(kid: string | undefined): Promise<KeyObject>;
}

export interface KeycloakGrantManager {
  realmUrl: string;
  rotation: KeyResolver;
  validateToken(token: KeycloakToken, expectedType: string): Promise<KeycloakToken>;
}

interface KeycloakConfigInput {
  realm: string;
  'auth-server-url': string;
  resource: string;
  'bearer-only': boolean;
  'verify-token-audience': boolean;
}

const require = createRequire(import.meta.url);
const Config = require('keycloak-connect/middleware/auth-utils/config.js') as new (
  config: KeycloakConfigInput,
) => object;
const GrantManager = require('keycloak-connect/middleware/auth-utils/grant-manager.js') as new (
  config: object,
) => KeycloakGrantManager;
const Token = require('keycloak-connect/middleware/auth-utils/token.js') as new (
  token: string,
  clientId?: string,
) => KeycloakToken;

/**
 * A bearer-only GrantManager. With `verify-token-audience`, keycloak-connect checks that the
 * configured `resource` (client id) is in `aud`; so the resource is the API audience here.
 */
export function createGrantManager(opts: {
  keycloakUrl: string;
  realm: string;
  audience: string;
  keys: KeyResolver;
}): KeycloakGrantManager {
  const config = new Config({
    realm: opts.realm,
    'auth-server-url': opts.keycloakUrl,
    resource: opts.audience,
    'bearer-only': true,
    'verify-token-audience': true,
  });
  const grantManager = new GrantManager(config);
  // Its own JWKS cache fetches with the deprecated url.parse and returns undefined (a TypeError
  // inside validateToken) when throttled; ours refetches once for an unknown kid.
  grantManager.rotation = opts.keys;
  return grantManager;
}

export function parseKeycloakToken(raw: string, audience: string): KeycloakToken {
  return new Token(raw, audience);
}
