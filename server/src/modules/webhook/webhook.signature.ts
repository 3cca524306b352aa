import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, recognisable by its prefix (secret scanners, logs). */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** Hex HMAC-SHA256 of "<timestamp>.<body>" with the secret: what receivers recompute. */
export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * The `Otklik-Signature` header: `t=<unix seconds>,v1=<signature>`, with one `v1` per secret in force (two for
 * a while after a rotation), so a receiver accepts the delivery when any `v1` matches a secret it holds.
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${signature(secret, timestamp, body)}`)].join(',');
}
