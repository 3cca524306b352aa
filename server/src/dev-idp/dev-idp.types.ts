/** A demo person who can sign in to the development identity provider. */
export interface DevUser {
  /** uuid, the token subject */
  id: string;
  username: string;
  password: string;
  email: string;
  emailVerified: boolean;
  name: string;
  realmRoles: string[];
}

/** A confidential client with a service account (client credentials). */
export interface DevClient {
  clientId: string;
  secret: string;
  /** uuid, subject of its service-account tokens */
  id: string;
  realmRoles?: string[];
}

export interface DevWebClient {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface DevIdpOptions {
  /** Where the HTTP app is reachable, e.g. "http://localhost:4000". */
  publicUrl: string;
  realm: string;
  users: DevUser[];
  clients: DevClient[];
  /** The public PKCE client of the web app. */
  webClient: DevWebClient;
  /** Put in `aud` of every access token. */
  apiAudience: string;
  /** Where the signing JWKS is persisted so tokens survive restarts; in memory when undefined. */
  keyStorePath?: string;
  /** Default 300. */
  accessTokenTtlSeconds?: number;
  /** Receives oidc-provider's internal errors (otherwise only the 500 response shows them). */
  logger?: { error(details: object, message: string): void };
}
