import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import type Provider from 'oidc-provider';
import { DevIdpStore } from './dev-idp.adapter.js';
import { DevDirectory } from './dev-idp.directory.js';
import { interactionRoutes } from './dev-idp.interactions.js';
import { loadOrCreateSigningKeys, rotateSigningKeys } from './dev-idp.keys.js';
import { buildProvider, confidentialClientMetadata, type ProviderParts } from './dev-idp.provider.js';
import type { DevClient, DevIdpOptions, DevUser } from './dev-idp.types.js';
import { userinfoRoutes } from './dev-idp.userinfo.js';

export type { DevClient, DevIdpOptions, DevUser, DevWebClient } from './dev-idp.types.js';

export interface DevIdentityProvider {
  /** Mount at the application root: it serves only `/realms/<realm>/…`. */
  router: Router;
  /** `${publicUrl}/realms/${realm}`, exactly as Keycloak. */
  issuer: string;
  /** Adds (or replaces) a confidential service-account client at runtime. */
  registerClient(client: DevClient): void;
  /** Removes a client registered at runtime: it gets no more tokens. */
  unregisterClient(clientId: string): void;
  /** Adds (or replaces, by id) a person at runtime, e.g. one per test. */
  registerUser(user: DevUser): void;
  /** New signing key first; earlier keys stay in the JWKS so issued tokens keep verifying. */
  rotateKeys(): Promise<void>;
}

/**
 * An OpenID Connect provider (oidc-provider) that speaks like Keycloak at Keycloak's paths, so the
 * server and web app run unchanged against it and against a real Keycloak. Development only.
 */
export async function createDevIdentityProvider(options: DevIdpOptions): Promise<DevIdentityProvider> {
  const publicUrl = new URL(options.publicUrl);
  if (publicUrl.pathname !== '/' || publicUrl.search || publicUrl.hash) {
    throw new Error(`Development IdP publicUrl must be an origin without a path, got ${options.publicUrl}`);
  }
  if (!/^[A-Za-z0-9._-]+$/.test(options.realm)) {
    throw new Error(`Development IdP realm name must be URL-safe, got "${options.realm}"`);
  }

  const realmPath = `/realms/${options.realm}`;
  const issuer = `${publicUrl.origin}${realmPath}`;
  const staticClientIds = new Set([options.webClient.clientId, ...options.clients.map((c) => c.clientId)]);
  const allowedOrigins = new Set([
    publicUrl.origin,
    ...options.webClient.redirectUris.map((uri) => new URL(uri).origin),
  ]);
  const parts: ProviderParts = {
    options,
    issuer,
    realmPath,
    directory: new DevDirectory(options.users, options.clients),
    store: new DevIdpStore(),
    keys: await loadOrCreateSigningKeys(options.keyStorePath),
    cookieKeys: [randomBytes(32).toString('base64url')],
    allowedOrigins,
  };

  let provider: Provider = buildProvider(parts);
  let handle = provider.callback();

  const router = express.Router();
  router.use(realmPath, (req, _res, next) => {
    // oidc-provider derives endpoint URLs and cookie security from the request; pin them to the public URL.
    req.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
    req.headers['x-forwarded-host'] = publicUrl.host;
    next();
  });
  router.use(interactionRoutes(realmPath, () => provider, parts.directory));
  router.use(userinfoRoutes({ realmPath, issuer, keys: () => parts.keys, directory: parts.directory, allowedOrigins }));
  router.use(realmPath, (req, res) => {
    void handle(req, res);
  });

  return {
    router,
    issuer,
    registerClient(client) {
      if (!client.clientId || !client.secret || !client.id) {
        throw new Error('registerClient needs clientId, secret and id');
      }
      if (staticClientIds.has(client.clientId)) {
        throw new Error(`Client ${client.clientId} is configured statically and cannot be replaced`);
      }
      parts.directory.addClient(client);
      parts.store.set(`Client:${client.clientId}`, confidentialClientMetadata(client));
    },
    unregisterClient(clientId) {
      if (staticClientIds.has(clientId)) throw new Error(`Client ${clientId} is configured statically`);
      parts.directory.removeClient(clientId);
      parts.store.delete(`Client:${clientId}`);
    },
    registerUser(user) {
      parts.directory.addUser(user);
    },
    async rotateKeys() {
      parts.keys = await rotateSigningKeys(parts.keys, options.keyStorePath);
      provider = buildProvider(parts);
      handle = provider.callback();
    },
  };
}
