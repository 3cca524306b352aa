import { lookup } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputErrors } from '../../common/errors/domain-error.js';
import { verifyOtklikSignature } from '../../test-support/webhook-receiver.js';
import { DEFAULT_DELIVERY_OPTIONS, retryDelayMs } from './webhook.delivery.js';
import { WebhookEvent } from './webhook-event.js';
import { guardedLookup } from './webhook.http.js';
import { signature, signatureHeader } from './webhook.signature.js';
import { defaultTargets, isLoopbackHost, isNonPublicAddress, refusedHost, STRICT_TARGETS } from './webhook-target.js';
import { checkDescription, checkEvents, checkWebhookUrl } from './webhook.validators.js';

const DEVELOPMENT = defaultTargets(false);
const PRODUCTION = defaultTargets(true);

/** The stored URL, or the English message of the refusal. */
function url(raw: string, policy = PRODUCTION): string {
  const errors = new InputErrors();
  const stored = checkWebhookUrl(errors, ['input', 'url'], raw, policy);
  return stored ?? errors.errors.map((e) => e.localized.en).join('; ');
}

describe('webhook URLs', () => {
  it('in production: https to public addresses only, normalised', () => {
    expect(url(' https://CRM.Example.org/hooks/otklik?source=1 ')).toBe(
      'https://crm.example.org/hooks/otklik?source=1',
    );
    expect(url('https://93.184.216.34:8443/x')).toBe('https://93.184.216.34:8443/x');
    expect(url('http://crm.example.org/hook')).toMatch(/^Use an https:\/\/ URL/);
    expect(url('http://127.0.0.1:8080/hook')).toMatch(/^Use an https:\/\/ URL/);
    for (const host of [
      'localhost',
      'api.localhost',
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '[::1]',
      '[fd00::1]',
      '[fe80::1]',
      '[::ffff:127.0.0.1]',
      '2130706433', // 127.0.0.1 written as a number
    ]) {
      expect(url(`https://${host}/hook`), host).toBe(
        'The address points at a local or private network: use an address on the internet',
      );
    }
  });

  it('outside production: http only to loopback; private networks allowed', () => {
    expect(url('http://127.0.0.1:9000/hook', DEVELOPMENT)).toBe('http://127.0.0.1:9000/hook');
    expect(url('http://localhost:9000/hook', DEVELOPMENT)).toBe('http://localhost:9000/hook');
    expect(url('http://[::1]:9000/hook', DEVELOPMENT)).toBe('http://[::1]:9000/hook');
    expect(url('https://10.0.0.7/hook', DEVELOPMENT)).toBe('https://10.0.0.7/hook');
    expect(url('http://10.0.0.7/hook', DEVELOPMENT)).toMatch(/^Use an https:\/\/ URL/);
    expect(url('http://crm.example.org/hook', DEVELOPMENT)).toMatch(/^Use an https:\/\/ URL/);
  });

  it('refuses what is not a usable URL', () => {
    expect(url('')).toBe('Give the URL');
    expect(url('crm.example.org/hook')).toBe('This is not a URL');
    expect(url('ftp://crm.example.org/hook')).toBe('The URL must start with https://');
    expect(url('javascript:alert(1)')).toBe('The URL must start with https://');
    expect(url('https://user:password@crm.example.org/hook')).toMatch(/must not carry a user name or password/);
    expect(url('https://token@crm.example.org/hook')).toMatch(/must not carry a user name or password/);
    expect(url(`https://crm.example.org/${'a'.repeat(2048 - 24)}`)).toHaveLength(2048);
    expect(url(`https://crm.example.org/${'a'.repeat(2048 - 23)}`)).toBe('The URL is at most 2048 characters');
  });
});

describe('webhook events and descriptions', () => {
  it('keeps each event once, in a fixed order; at least one', () => {
    const errors = new InputErrors();
    expect(
      checkEvents(
        errors,
        ['events'],
        [WebhookEvent.RATING_CHANGED, WebhookEvent.PRACTICE_PUBLISHED, WebhookEvent.RATING_CHANGED],
      ),
    ).toEqual([WebhookEvent.PRACTICE_PUBLISHED, WebhookEvent.RATING_CHANGED]);
    expect(errors.errors).toEqual([]);
    expect(checkEvents(errors, ['events'], [])).toEqual([]);
    expect(errors.errors.map((e) => [e.code, e.field, e.localized.ru])).toEqual([
      ['BAD_USER_INPUT', ['events'], 'Выберите хотя бы одно событие'],
    ]);
  });

  it('trims a description, empties to null, at most 500 characters', () => {
    const errors = new InputErrors();
    expect(checkDescription(errors, ['d'], '  Портал  ')).toBe('Портал');
    expect(checkDescription(errors, ['d'], '   ')).toBeNull();
    expect(checkDescription(errors, ['d'], undefined)).toBeNull();
    expect(errors.errors).toEqual([]);
    checkDescription(errors, ['d'], 'я'.repeat(501));
    expect(errors.errors).toHaveLength(1);
  });
});

describe('delivery targets', () => {
  it('knows which addresses are not on the public internet', () => {
    for (const address of ['127.0.0.1', '10.0.0.1', '172.31.255.255', '192.168.0.1', '169.254.1.1', '::1', 'fc00::1'])
      expect(isNonPublicAddress(address), address).toBe(true);
    for (const address of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2a00:1450:4010:c05::64'])
      expect(isNonPublicAddress(address), address).toBe(false);
    expect(isNonPublicAddress('example.org')).toBe(false);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('example.org')).toBe(false);
    expect(refusedHost('10.0.0.1', DEVELOPMENT)).toBeNull();
    expect(refusedHost('10.0.0.1', STRICT_TARGETS)).not.toBeNull();
  });

  it('refuses, where connections are made, a name that resolves to a non-public address', async () => {
    const resolve = (policy = STRICT_TARGETS) =>
      new Promise<string>((done) =>
        guardedLookup(policy)('localhost', { all: false }, (error, address) =>
          done(error ? `refused: ${(error as NodeJS.ErrnoException).code}` : String(address)),
        ),
      );
    expect(await resolve()).toBe('refused: EADDRNOTALLOWED');
    const expected = await new Promise<string>((done) => lookup('localhost', (_e, address) => done(address)));
    expect(await resolve(DEVELOPMENT)).toBe(expected);
  });
});

describe('retries and signatures', () => {
  it('waits 30 s × 2^(n−1) after the n-th failed attempt, capped at 6 hours, within the jitter', () => {
    const exact = { ...DEFAULT_DELIVERY_OPTIONS, jitter: 0 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, exact) / 1000)).toEqual([30, 60, 120, 240, 480, 960, 1920]);
    expect(retryDelayMs(11, exact)).toBe(6 * 60 * 60_000);
    expect(retryDelayMs(40, exact)).toBe(6 * 60 * 60_000);
    const low = retryDelayMs(3, { ...DEFAULT_DELIVERY_OPTIONS, random: () => 0 });
    const high = retryDelayMs(3, { ...DEFAULT_DELIVERY_OPTIONS, random: () => 1 });
    expect([low, high]).toEqual([96_000, 144_000]);
  });

  it('signs "<t>.<body>" with HMAC-SHA256, one v1 per secret in force', () => {
    // Known answer: echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signature('whsec_test', 1_700_000_000, '{"a":1}')).toBe(
      '38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
    expect(signatureHeader(['a', 'b'], 1_700_000_000, '{}')).toBe(
      `t=1700000000,v1=${signature('a', 1_700_000_000, '{}')},v1=${signature('b', 1_700_000_000, '{}')}`,
    );
  });

  it('the guide’s example request verifies with the guide’s secret, and only at its own time', () => {
    const guide = readFileSync(path.resolve(import.meta.dirname, '../../../../docs/api.md'), 'utf8');
    const request = /Otklik-Signature: (t=\d+,v1=[0-9a-f]{64})\n\n(\{.*\})\n```/.exec(guide);
    const secret = /signed with the secret of the subscription example above\n\(`(whsec_[\w-]+)`\)/.exec(guide);
    expect(request && secret).toBeTruthy();
    const [, header, body] = request!;
    const t = Number(/t=(\d+)/.exec(header!)![1]);
    expect(signatureHeader([secret![1]!], t, body!)).toBe(header);
    expect(verifyOtklikSignature(header, body!, secret![1]!, t + 299)).toBe(true);
    expect(verifyOtklikSignature(header, body!, secret![1]!, t + 301)).toBe(false);
  });
});
