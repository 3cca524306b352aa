// oidc-provider 9 ships no type declarations; this covers only what the development IdP uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type UnknownObject = Record<string, unknown>;

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): UnknownObject | Promise<UnknownObject>;
  }

  export interface Client {
    clientId: string;
    grantTypeAllowed(grantType: string): boolean;
    postLogoutRedirectUris?: string[];
  }

  export interface Session {
    accountId?: string;
    grantIdFor(clientId: string): string | undefined;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[]; details: UnknownObject };
    params: UnknownObject;
    session?: { accountId: string; uid: string };
    grantId?: string;
    lastSubmission?: UnknownObject;
  }

  export interface OIDCContext {
    provider: Provider;
    client?: Client;
    params?: UnknownObject;
    session?: Session;
    account?: Account;
    result?: { consent?: { grantId?: string } } & UnknownObject;
    requestParamScopes: Set<string>;
    requestParamOIDCScopes: Set<string>;
    resourceServers?: Record<string, ResourceServer>;
    entity(name: string, entity: unknown): void;
  }

  export interface KoaContextWithOIDC {
    oidc: OIDCContext;
    body: unknown;
    status: number;
    method: string;
    path: string;
    request: { url: string };
    req: IncomingMessage;
  }

  export interface ResourceServerInfo {
    audience: string;
    scope: string;
    accessTokenTTL?: number;
    accessTokenFormat: 'jwt' | 'opaque';
    jwt?: { sign?: { alg: string } };
  }

  export class ResourceServer {
    constructor(identifier: string, info: ResourceServerInfo);
    audience: string;
    scope: string;
    identifier(): string;
  }

  export class Grant {
    constructor(init: { accountId: string; clientId: string });
    jti: string;
    accountId: string;
    clientId: string;
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  /** AccessToken, ClientCredentials and RefreshToken share this surface. */
  export interface BaseToken {
    kind: string;
    jti: string;
    accountId?: string;
    clientId: string;
    client?: Client;
    grantId?: string;
    scope?: string;
    gty?: string;
    resourceServer?: ResourceServer;
    expiration: number;
    save(): Promise<string>;
  }

  export interface TokenInit {
    accountId?: string;
    client: Client;
    grantId?: string;
    gty?: string;
    scope?: string;
    resource?: string;
    rotations?: number;
  }

  export class IdToken {
    constructor(claims: UnknownObject, options: { ctx: KoaContextWithOIDC });
    scope: string;
    issue(options: { use: 'idtoken' }): Promise<string>;
  }

  export interface JwtStructuredToken {
    header?: UnknownObject;
    payload: UnknownObject;
  }

  export class Provider {
    constructor(issuer: string, configuration?: UnknownObject);
    readonly issuer: string;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    registerGrantType(
      name: string,
      handler: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>,
      parameters?: string[] | Set<string>,
    ): void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: UnknownObject,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    Grant: typeof Grant;
    IdToken: typeof IdToken;
    ResourceServer: typeof ResourceServer;
    AccessToken: new (init: TokenInit) => BaseToken;
    RefreshToken: new (init: TokenInit) => BaseToken;
    Client: { find(id: string): Promise<Client | undefined> };
  }

  export class OIDCProviderError extends Error {
    constructor(status: number, message: string);
    status: number;
    statusCode: number;
    error: string;
    error_description?: string;
  }

  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    InvalidGrant: new (description: string) => OIDCProviderError;
    InvalidRequest: new (description: string) => OIDCProviderError;
    InvalidScope: new (description: string, scope: string) => OIDCProviderError;
    InvalidTarget: new (description?: string) => OIDCProviderError;
    SessionNotFound: new (description: string) => OIDCProviderError;
  };

  export default Provider;
}
