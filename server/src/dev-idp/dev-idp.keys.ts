import { generateKeyPair, randomUUID, type JsonWebKey } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

/** A private RSA signing key as a JWK, with the fields oidc-provider's `jwks` option expects. */
export interface SigningJwk extends JsonWebKey {
  kty: 'RSA';
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

/** Keys newest first: the first one signs, the rest stay published so earlier tokens still verify. */
export interface SigningKeys {
  keys: SigningJwk[];
}

const RETAINED_KEYS = 3;
const generateRsa = promisify(generateKeyPair);

export async function generateSigningKey(): Promise<SigningJwk> {
  const { privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kty: 'RSA', kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/** Reads the persisted key set, or generates (and persists) one; in memory when no path is given. */
export async function loadOrCreateSigningKeys(path: string | undefined): Promise<SigningKeys> {
  if (path) {
    const existing = await readKeyFile(path);
    if (existing) return existing;
  }
  const keys: SigningKeys = { keys: [await generateSigningKey()] };
  if (path) await writeKeyFile(path, keys);
  return keys;
}

export async function rotateSigningKeys(current: SigningKeys, path: string | undefined): Promise<SigningKeys> {
  const next: SigningKeys = { keys: [await generateSigningKey(), ...current.keys].slice(0, RETAINED_KEYS) };
  if (path) await writeKeyFile(path, next);
  return next;
}

export function publicJwks(keys: SigningKeys): { keys: JsonWebKey[] } {
  return { keys: keys.keys.map(({ kty, kid, alg, use, n, e }) => ({ kty, kid, alg, use, n, e })) };
}

async function readKeyFile(path: string): Promise<SigningKeys | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<SigningKeys>;
  const valid =
    Array.isArray(parsed.keys) &&
    parsed.keys.length > 0 &&
    parsed.keys.every((k) => k.kty === 'RSA' && typeof k.kid === 'string' && typeof k.d === 'string');
  if (!valid) {
    throw new Error(`Development IdP key store ${path} is not a JWKS of private RSA keys; delete it to regenerate.`);
  }
  return { keys: parsed.keys!.map((k) => ({ ...k, alg: 'RS256', use: 'sig' })) };
}

async function writeKeyFile(path: string, keys: SigningKeys): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
