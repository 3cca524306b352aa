import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '../../common/errors/domain-error.js';
import type { DevIdentityProvider } from '../../dev-idp/dev-idp.js';

/** Keycloak's admin API failed: retryable from the caller's side, details in the message for the logs. */
const keycloakFailed = (detail: string) =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, {
    ru: `Сервер входа не выполнил запрос: ${detail}`,
    en: `The identity provider did not do it: ${detail}`,
  });

/**
 * Where API clients live in the identity provider: created with a secret shown once, and deleted on
 * revocation. The API refuses a revoked client's tokens itself, whatever the provider still holds.
 */
export interface ApiClientRegistry {
  create(clientId: string): Promise<{ secret: string }>;
  remove(clientId: string): Promise<void>;
}

/** The embedded development identity provider: clients registered in memory. */
export function devApiClientRegistry(idp: DevIdentityProvider): ApiClientRegistry {
  return {
    async create(clientId) {
      const secret = randomBytes(24).toString('base64url');
      idp.registerClient({ clientId, secret, id: randomUUID() });
      return { secret };
    },
    async remove(clientId) {
      idp.unregisterClient(clientId);
    },
  };
}

export interface KeycloakAdminOptions {
  keycloakUrl: string;
  realm: string;
  /** A confidential client of the realm with realm-management's manage-clients role. */
  adminClientId: string;
  adminClientSecret: string;
  /** The API audience every client's tokens must carry. */
  apiAudience: string;
  fetch?: typeof fetch;
}

/** A real Keycloak, through its admin REST API with the admin client's own client-credentials token. */
export function keycloakApiClientRegistry(options: KeycloakAdminOptions): ApiClientRegistry {
  const http = options.fetch ?? fetch;
  const base = options.keycloakUrl.replace(/\/$/, '');
  const admin = `${base}/admin/realms/${encodeURIComponent(options.realm)}`;
  const token = async () => {
    const response = await http(`${base}/realms/${encodeURIComponent(options.realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.adminClientId,
        client_secret: options.adminClientSecret,
      }),
    });
    if (!response.ok) throw keycloakFailed(`the admin client was refused (HTTP ${response.status})`);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const call = async (bearer: string, path: string, init: RequestInit = {}) => {
    const response = await http(`${admin}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    if (!response.ok) throw keycloakFailed(`${init.method ?? 'GET'} ${path} answered HTTP ${response.status}`);
    return response;
  };
  const internalId = async (bearer: string, clientId: string) => {
    const found = (await (await call(bearer, `/clients?clientId=${encodeURIComponent(clientId)}`)).json()) as Array<{
      id: string;
    }>;
    return found[0]?.id;
  };
  return {
    async create(clientId) {
      const bearer = await token();
      await call(bearer, '/clients', {
        method: 'POST',
        body: JSON.stringify({
          clientId,
          name: clientId,
          enabled: true,
          protocol: 'openid-connect',
          publicClient: false,
          clientAuthenticatorType: 'client-secret',
          serviceAccountsEnabled: true,
          standardFlowEnabled: false,
          implicitFlowEnabled: false,
          directAccessGrantsEnabled: false,
          protocolMappers: [
            {
              name: 'api audience',
              protocol: 'openid-connect',
              protocolMapper: 'oidc-audience-mapper',
              config: { 'included.custom.audience': options.apiAudience, 'access.token.claim': 'true' },
            },
          ],
        }),
      });
      const id = await internalId(bearer, clientId);
      if (!id) throw keycloakFailed(`client ${clientId} was not created`);
      const secret = (await (await call(bearer, `/clients/${id}/client-secret`)).json()) as { value: string };
      return { secret: secret.value };
    },
    async remove(clientId) {
      const bearer = await token();
      const id = await internalId(bearer, clientId);
      if (id) await call(bearer, `/clients/${id}`, { method: 'DELETE' });
    },
  };
}
