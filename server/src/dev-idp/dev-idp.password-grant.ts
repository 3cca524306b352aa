import { errors, type KoaContextWithOIDC, type Provider, type ResourceServerInfo } from 'oidc-provider';
import { userProfileClaims } from './dev-idp.claims.js';
import type { DevDirectory } from './dev-idp.directory.js';

const SUPPORTED_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
/** Keycloak's default client scopes: always granted, whatever was requested. */
const DEFAULT_SCOPES = ['profile', 'email'];

interface PasswordGrantDeps {
  directory: DevDirectory;
  resourceIndicator: string;
  resourceServerInfo: ResourceServerInfo;
}

/**
 * Keycloak's "direct access grant" (`grant_type=password`), which oidc-provider deliberately lacks.
 * Development only: it lets curl and tests obtain real tokens for demo users.
 */
export function registerPasswordGrant(provider: Provider, deps: PasswordGrantDeps): void {
  provider.registerGrantType('password', (ctx) => passwordGrant(provider, deps, ctx), [
    'username',
    'password',
    'scope',
  ]);
}

async function passwordGrant(provider: Provider, deps: PasswordGrantDeps, ctx: KoaContextWithOIDC): Promise<void> {
  const client = ctx.oidc.client!;
  const params = ctx.oidc.params ?? {};

  const user = deps.directory.authenticate(params.username, params.password);
  if (!user) {
    // Keycloak answers 401 invalid_grant here; oidc-provider's InvalidGrant is a 400.
    const error = new errors.InvalidGrant('invalid user credentials');
    throw Object.assign(error, { status: 401, statusCode: 401, error_description: 'Invalid user credentials' });
  }

  const requested = String(params.scope ?? '')
    .split(' ')
    .filter(Boolean);
  const unknown = requested.find((scope) => !SUPPORTED_SCOPES.has(scope));
  if (unknown) throw new errors.InvalidScope('requested scope is not supported', unknown);
  const scope = [...new Set([...requested, ...DEFAULT_SCOPES])].join(' ');

  const grant = new provider.Grant({ accountId: user.id, clientId: client.clientId });
  grant.addOIDCScope(scope);
  grant.addResourceScope(deps.resourceIndicator, scope);
  const grantId = await grant.save();

  const accessToken = new provider.AccessToken({ accountId: user.id, client, grantId, gty: 'password', scope });
  accessToken.resourceServer = new provider.ResourceServer(deps.resourceIndicator, deps.resourceServerInfo);
  accessToken.scope = scope;
  ctx.oidc.entity('AccessToken', accessToken);
  const accessTokenValue = await accessToken.save();

  let refreshTokenValue: string | undefined;
  if (client.grantTypeAllowed('refresh_token')) {
    const refreshToken = new provider.RefreshToken({
      accountId: user.id,
      client,
      grantId,
      gty: 'password',
      scope,
      resource: deps.resourceIndicator,
      rotations: 0,
    });
    refreshTokenValue = await refreshToken.save();
  }

  let idToken: string | undefined;
  if (requested.includes('openid')) {
    const token = new provider.IdToken(userProfileClaims(user), { ctx });
    token.scope = scope;
    idToken = await token.issue({ use: 'idtoken' });
  }

  ctx.body = {
    access_token: accessTokenValue,
    expires_in: accessToken.expiration,
    refresh_token: refreshTokenValue,
    token_type: 'Bearer',
    id_token: idToken,
    scope,
  };
}
