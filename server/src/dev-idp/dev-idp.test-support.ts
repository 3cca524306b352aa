import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express, { type Express } from 'express';
import { SEEDS_DIR } from '../seeds/seed-file.js';
import { loadDevUsers, serviceAccountClients } from '../seeds/users.seed.js';
import { createDevIdentityProvider, type DevIdentityProvider, type DevIdpOptions } from './dev-idp.js';

export const WEB_CLIENT_ID = 'otklik-web';
export const API_AUDIENCE = 'otklik-api';
export const DEMO_PASSWORD = 'otklik-demo';

export interface LoopbackServer {
  app: Express;
  baseUrl: string;
  /** A scratch directory, removed on close. */
  dir: string;
  /** A development IdP for the seeded demo users, mounted on this server. */
  mountIdp(overrides?: Partial<DevIdpOptions>): Promise<DevIdentityProvider>;
  close(): Promise<void>;
}

/** A real express app on an ephemeral loopback port. */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const app = express();
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(path.join(tmpdir(), 'otklik-dev-idp-'));
  const { users, serviceAccounts } = await loadDevUsers(SEEDS_DIR);

  return {
    app,
    baseUrl,
    dir,
    async mountIdp(overrides = {}) {
      const idp = await createDevIdentityProvider({
        publicUrl: baseUrl,
        realm: 'otklik',
        users,
        clients: serviceAccountClients(serviceAccounts),
        webClient: {
          clientId: WEB_CLIENT_ID,
          redirectUris: [`${baseUrl}/auth/callback`],
          postLogoutRedirectUris: [`${baseUrl}/`],
        },
        apiAudience: API_AUDIENCE,
        ...overrides,
      });
      app.use(idp.router);
      return idp;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown> & {
    access_token?: string;
    id_token?: string;
    refresh_token?: string;
    error?: string;
    error_description?: string;
  };
}

export async function tokenRequest(
  issuer: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<TokenResponse> {
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params),
  });
  return { status: response.status, body: (await response.json()) as TokenResponse['body'] };
}

/** A real token from the password grant, as `curl` would get one. */
export async function passwordToken(issuer: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const { body } = await tokenRequest(issuer, {
    grant_type: 'password',
    client_id: WEB_CLIENT_ID,
    username,
    password,
    scope: 'openid',
  });
  if (!body.access_token) throw new Error(`password grant failed: ${JSON.stringify(body)}`);
  return body.access_token;
}

export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, payload };
}

/** Enough of a browser's cookie handling for one origin. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now());
      if (!value || expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): Record<string, string> {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return cookie ? { cookie } : {};
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...this.header(), ...(init.headers as Record<string, string> | undefined) },
    });
    this.store(response);
    return response;
  }
}
