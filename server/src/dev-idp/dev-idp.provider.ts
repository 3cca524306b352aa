import Provider, { errors, type Client, type KoaContextWithOIDC, type ResourceServerInfo } from 'oidc-provider';
import { createAccessTokenCustomizer, scopeClaims } from './dev-idp.claims.js';
import type { DevDirectory } from './dev-idp.directory.js';
import type { DevIdpStore } from './dev-idp.adapter.js';
import type { SigningKeys } from './dev-idp.keys.js';
import { pageText, pickLang, renderLogoutPage, renderMessagePage } from './dev-idp.login-page.js';
import { registerPasswordGrant } from './dev-idp.password-grant.js';
import type { DevClient, DevIdpOptions } from './dev-idp.types.js';

export interface ProviderParts {
  options: DevIdpOptions;
  issuer: string;
  realmPath: string;
  directory: DevDirectory;
  store: DevIdpStore;
  keys: SigningKeys;
  cookieKeys: string[];
  allowedOrigins: Set<string>;
}

const OIDC = '/protocol/openid-connect';

export function confidentialClientMetadata(client: DevClient): Record<string, unknown> {
  return {
    client_id: client.clientId,
    client_secret: client.secret,
    grant_types: ['client_credentials', 'password', 'refresh_token'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
  };
}

/** Resource indicators must be absolute URIs; the audience itself is often a bare client id. */
function resourceIndicatorFor(audience: string): string {
  return URL.canParse(audience) ? audience : `urn:otklik:dev-idp:audience:${encodeURIComponent(audience)}`;
}

/**
 * One oidc-provider instance. Rebuilt (sharing the store) when signing keys rotate, because
 * oidc-provider reads its key set only at construction.
 */
export function buildProvider(parts: ProviderParts): Provider {
  const { options, directory } = parts;
  const ttl = options.accessTokenTtlSeconds ?? 300;
  const resourceIndicator = resourceIndicatorFor(options.apiAudience);
  const resourceServerInfo: ResourceServerInfo = {
    audience: options.apiAudience,
    scope: 'openid profile email offline_access',
    accessTokenTTL: ttl,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  };

  const provider = new Provider(parts.issuer, {
    adapter: parts.store.adapterFactory,
    jwks: parts.keys,
    cookies: { keys: parts.cookieKeys },
    clients: [
      {
        client_id: options.webClient.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.webClient.redirectUris,
        post_logout_redirect_uris: options.webClient.postLogoutRedirectUris,
        grant_types: ['authorization_code', 'refresh_token', 'password'],
        response_types: ['code'],
      },
      ...options.clients.map(confidentialClientMetadata),
    ],
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => directory.account(id),
    claims: scopeClaims,
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    routes: {
      authorization: `${OIDC}/auth`,
      token: `${OIDC}/token`,
      jwks: `${OIDC}/certs`,
      userinfo: `${OIDC}/userinfo`,
      end_session: `${OIDC}/logout`,
    },
    discovery: { userinfo_endpoint: `${parts.issuer}${OIDC}/userinfo` },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resourceIndicator,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: KoaContextWithOIDC, indicator: string) => {
          if (indicator !== resourceIndicator) throw new errors.InvalidTarget();
          return resourceServerInfo;
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          const lang = pickLang(ctx.oidc.params?.ui_locales);
          sendHtml(ctx, renderLogoutPage(lang, form, ctx.oidc.params?.id_token_hint !== undefined));
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          const t = pageText('ru');
          sendHtml(ctx, renderMessagePage('ru', t.signedOutTitle, t.signedOut));
        },
      },
    },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) =>
        `${parts.realmPath}/login-actions/${interaction.uid}`,
    },
    loadExistingGrant: autoGrant(resourceIndicator),
    issueRefreshToken: async (_ctx: KoaContextWithOIDC, client: Client) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: (_ctx: KoaContextWithOIDC, origin: string) => parts.allowedOrigins.has(origin),
    renderError: async (ctx: KoaContextWithOIDC, out: { error?: string; error_description?: string }) => {
      const lang = pickLang(ctx.oidc?.params?.ui_locales);
      const detail = [out.error, out.error_description].filter(Boolean).join(': ');
      sendHtml(ctx, renderMessagePage(lang, pageText(lang).errorTitle, detail));
    },
    ttl: {
      AccessToken: ttl,
      ClientCredentials: ttl,
      IdToken: ttl,
      AuthorizationCode: 60,
      Interaction: 3600,
      RefreshToken: 1800,
      Session: 10 * 3600,
      Grant: 10 * 3600,
    },
    formats: { customizers: { jwt: createAccessTokenCustomizer(directory) } },
  });

  // URLs come from the public URL (see forwardedFromPublicUrl), never from client-sent headers.
  provider.proxy = true;
  provider.on('server_error', (_ctx, error) => options.logger?.error({ err: error }, 'development IdP error'));
  registerPasswordGrant(provider, { directory, resourceIndicator, resourceServerInfo });
  return provider;
}

/** First-party clients only: grant whatever OIDC and API scopes are requested, no consent screen. */
function autoGrant(resourceIndicator: string) {
  return async (ctx: KoaContextWithOIDC) => {
    const { oidc } = ctx;
    const clientId = oidc.client!.clientId;
    const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
    const grant =
      (grantId && (await oidc.provider.Grant.find(grantId))) ||
      new oidc.provider.Grant({ accountId: oidc.account!.accountId, clientId });
    const scope = [...oidc.requestParamScopes].join(' ');
    grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
    if (oidc.resourceServers?.[resourceIndicator]) grant.addResourceScope(resourceIndicator, scope);
    await grant.save();
    return grant;
  };
}

function sendHtml(ctx: KoaContextWithOIDC, html: string): void {
  (ctx as unknown as { type: string }).type = 'html';
  ctx.body = html;
}
