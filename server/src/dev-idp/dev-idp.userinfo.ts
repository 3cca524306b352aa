import { createPublicKey, verify } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { serviceAccountClaims, userProfileClaims } from './dev-idp.claims.js';
import type { DevDirectory } from './dev-idp.directory.js';
import type { SigningKeys } from './dev-idp.keys.js';

interface UserinfoDeps {
  realmPath: string;
  issuer: string;
  keys: () => SigningKeys;
  directory: DevDirectory;
  allowedOrigins: Set<string>;
}

/**
 * Keycloak's userinfo accepts the API access token. oidc-provider's refuses any token with an
 * audience (every JWT access token has one), so this endpoint is served here instead.
 */
export function userinfoRoutes(deps: UserinfoDeps) {
  const router = express.Router();
  const path = `${deps.realmPath}/protocol/openid-connect/userinfo`;

  router.options(path, (req, res) => {
    allowOrigin(req, res, deps.allowedOrigins);
    res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.set('Access-Control-Allow-Methods', 'GET, POST');
    res.status(204).end();
  });

  router.all(path, (req, res) => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.status(405).set('Allow', 'GET, POST').end();
      return;
    }
    allowOrigin(req, res, deps.allowedOrigins);
    res.set('Cache-Control', 'no-store');
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return refuse(res, 'missing bearer token');
    const payload = verifyOwnAccessToken(match[1], deps);
    if (typeof payload === 'string') return refuse(res, payload);

    const user = deps.directory.user(String(payload.sub));
    if (user) {
      res.json(userProfileClaims(user));
      return;
    }
    const client = deps.directory.client(String(payload.azp));
    if (client && client.id === payload.sub) {
      res.json(serviceAccountClaims(client));
      return;
    }
    refuse(res, 'user not found');
  });

  return router;
}

/** Returns the payload, or why the token is not one of this realm's valid access tokens. */
function verifyOwnAccessToken(token: string, deps: UserinfoDeps): Record<string, unknown> | string {
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed token';
  const [encodedHeader, encodedPayload, signature] = parts as [string, string, string];
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8'));
  } catch {
    return 'malformed token';
  }
  const jwk = deps.keys().keys.find((key) => key.kid === header.kid);
  if (header.alg !== 'RS256' || !jwk) return 'unknown signing key';
  const { kty, n, e } = jwk;
  const publicKey = createPublicKey({ key: { kty, n, e }, format: 'jwk' });
  const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
  if (!verify('RSA-SHA256', signed, publicKey, Buffer.from(signature, 'base64url'))) return 'bad signature';
  if (payload.iss !== deps.issuer) return 'wrong issuer';
  if (payload.typ !== 'Bearer') return 'not an access token';
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= Date.now()) return 'token expired';
  return payload;
}

function refuse(res: Response, description: string): void {
  res
    .status(401)
    .set('WWW-Authenticate', `Bearer error="invalid_token", error_description="${description}"`)
    .json({ error: 'invalid_token', error_description: description });
}

export function allowOrigin(req: Request, res: Response, allowed: Set<string>): void {
  const origin = req.headers.origin;
  if (origin && allowed.has(origin)) {
    res.set('Access-Control-Allow-Origin', origin);
    res.vary('Origin');
  }
}
