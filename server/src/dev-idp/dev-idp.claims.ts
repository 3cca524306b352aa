import type { BaseToken, JwtStructuredToken, KoaContextWithOIDC } from 'oidc-provider';
import type { DevDirectory } from './dev-idp.directory.js';
import type { DevClient, DevUser } from './dev-idp.types.js';

/** Keycloak's service-account username convention; the server relies on the prefix. */
export const serviceAccountUsername = (clientId: string) => `service-account-${clientId}`;

/** Claims per OIDC scope, as Keycloak's default client scopes map them. */
export const scopeClaims = {
  openid: ['sub'],
  profile: ['name', 'preferred_username', 'given_name', 'family_name'],
  email: ['email', 'email_verified'],
};

/** OIDC standard claims of a person (ID token, userinfo). */
export function userProfileClaims(user: DevUser): Record<string, unknown> {
  const [given, ...family] = user.name.split(/\s+/);
  return {
    sub: user.id,
    name: user.name,
    preferred_username: user.username,
    given_name: given,
    family_name: family.join(' ') || undefined,
    email: user.email,
    email_verified: user.emailVerified,
  };
}

/** Claims of a service account's own identity (userinfo with a client-credentials token). */
export function serviceAccountClaims(client: DevClient): Record<string, unknown> {
  return {
    sub: client.id,
    preferred_username: serviceAccountUsername(client.clientId),
    email_verified: false,
    clientId: client.clientId,
    client_id: client.clientId,
  };
}

/**
 * Reshapes oidc-provider's JWT access tokens into Keycloak's: `typ: "Bearer"` (keycloak-connect
 * rejects tokens without it), `azp`, `realm_access`, profile claims, and the service account's
 * own uuid as `sub` instead of the client id.
 */
export function createAccessTokenCustomizer(directory: DevDirectory) {
  return async (_ctx: KoaContextWithOIDC | undefined, token: BaseToken, jwt: JwtStructuredToken) => {
    const { payload } = jwt;
    jwt.header = { typ: 'JWT' };
    payload.typ = 'Bearer';
    payload.azp = token.clientId;
    if (token.accountId) {
      const user = directory.user(token.accountId);
      if (!user) throw new Error(`development IdP: no user ${token.accountId}`);
      const { sub: _sub, ...profile } = userProfileClaims(user);
      Object.assign(payload, profile, { realm_access: { roles: [...user.realmRoles] } });
      delete payload.client_id;
    } else {
      const client = directory.client(token.clientId);
      if (!client) throw new Error(`development IdP: no client ${token.clientId}`);
      Object.assign(payload, serviceAccountClaims(client), {
        realm_access: { roles: [...(client.realmRoles ?? [])] },
      });
    }
    payload.scope = typeof payload.scope === 'string' && payload.scope ? payload.scope : 'profile email';
  };
}
