import { describe, expect, it } from 'vitest';
import {
  base64UrlDecodeToString,
  base64UrlEncode,
  createCodeChallenge,
  createCodeVerifier,
  isValidCodeVerifier,
  randomUrlSafeString,
} from './pkce';

describe('PKCE helpers', () => {
  it('derives the S256 challenge of RFC 7636, appendix B', async () => {
    await expect(createCodeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('creates verifiers that satisfy the RFC and differ every time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, () => createCodeVerifier()));
    expect(verifiers.size).toBe(50);
    for (const verifier of verifiers) {
      expect(verifier).toHaveLength(43);
      expect(isValidCodeVerifier(verifier)).toBe(true);
    }
  });

  it('refuses a verifier that is too short or has reserved characters', async () => {
    expect(isValidCodeVerifier('short')).toBe(false);
    expect(isValidCodeVerifier('a'.repeat(42) + '+')).toBe(false);
    expect(isValidCodeVerifier('a'.repeat(129))).toBe(false);
    await expect(createCodeChallenge('short')).rejects.toThrow(/verifier/);
  });

  it('encodes base64url without padding or reserved characters', () => {
    expect(base64UrlEncode(new Uint8Array([251, 255, 191]))).toBe('-_-_');
    expect(base64UrlEncode(new Uint8Array([1]))).toBe('AQ');
    expect(randomUrlSafeString(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('decodes base64url text, including non-ASCII', () => {
    const encoded = base64UrlEncode(new TextEncoder().encode('{"name":"Семья"}'));
    expect(base64UrlDecodeToString(encoded)).toBe('{"name":"Семья"}');
  });
});
