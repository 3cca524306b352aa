import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputErrors } from '../common/errors/domain-error.js';
import { isHttpUrl } from '../common/validation.js';
import { checkEvidence } from '../modules/openness/disclosure.service.js';
import type { DiscloseInput } from '../modules/openness/dto/openness.types.js';
import { isValidInn, isValidOgrn } from '../modules/organisation/organisation.validators.js';
import { validateShape, type PracticeDraft } from '../modules/practice/practice.validators.js';
import { CRITERIA, validateReview, type ReviewDraft } from '../modules/review/review.validators.js';

/**
 * Property-based tests of the input validators: thousands of generated inputs each, against reference
 * definitions written here from the published rules (not from the code under test).
 */

const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });
// ФНС: control digit = (Σ weightᵢ·digitᵢ mod 11) mod 10.
const control = (ds: number[], weights: number[]) => (weights.reduce((s, w, i) => s + w * ds[i]!, 0) % 11) % 10;
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12a = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12b = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const errorsOf = (fn: (errors: InputErrors) => void) => {
  const errors = new InputErrors();
  fn(errors);
  return errors.errors.map((e) => e.field?.join('.'));
};

describe('ИНН and ОГРН', () => {
  it('accepts exactly the 10- and 12-digit ИНН whose check digits match', () => {
    fc.assert(
      fc.property(digitString(10), (ds) => {
        expect(isValidInn(ds.join(''))).toBe(control(ds, W10) === ds[9]);
      }),
    );
    fc.assert(
      fc.property(digitString(12), (ds) => {
        expect(isValidInn(ds.join(''))).toBe(control(ds, W12a) === ds[10] && control(ds, W12b) === ds[11]);
      }),
    );
    fc.assert(
      fc.property(digitString(9), (ds) => {
        const valid = [...ds, control(ds, W10)].join('');
        expect(isValidInn(valid)).toBe(true);
        expect(isValidInn(` ${valid}`)).toBe(false);
        expect(isValidInn(`${valid}0`)).toBe(false);
      }),
    );
  });

  it('accepts exactly the 13-digit ОГРН (mod 11) and 15-digit ОГРНИП (mod 13) with their check digit', () => {
    fc.assert(
      fc.property(fc.oneof(digitString(13), digitString(15)), (ds) => {
        const body = BigInt(ds.slice(0, -1).join(''));
        const modulus = ds.length === 13 ? 11n : 13n;
        expect(isValidOgrn(ds.join(''))).toBe(Number((body % modulus) % 10n) === ds.at(-1));
      }),
    );
  });

  it('refuses anything that is not only digits of the right length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (value) => {
        if (!/^\d+$/.test(value) || ![10, 12].includes(value.length)) expect(isValidInn(value)).toBe(false);
        if (!/^\d+$/.test(value) || ![13, 15].includes(value.length)) expect(isValidOgrn(value)).toBe(false);
      }),
    );
  });
});

describe('links', () => {
  it('accepts http(s) addresses and nothing else (no javascript:, data:, file:)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
        expect(isHttpUrl(url)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('javascript', 'data', 'file', 'vbscript', 'ftp'), fc.string(), (scheme, rest) => {
        expect(isHttpUrl(`${scheme}:${rest}`)).toBe(false);
        expect(isHttpUrl(` ${scheme.toUpperCase()}:${rest}`)).toBe(false);
      }),
    );
    expect(isHttpUrl(`https://example.org/${'a'.repeat(2048)}`)).toBe(false);
  });
});

describe('rubric scores', () => {
  const draft = (score: number): ReviewDraft =>
    ({
      ...Object.fromEntries(CRITERIA.map((k) => [k, score])),
      confidence: 3,
      body: 'т'.repeat(250),
    }) as ReviewDraft;

  it('accept whole numbers 1–5 and refuse every other number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double()), (score) => {
        const fields = errorsOf((errors) => validateReview(draft(score), true, errors));
        const valid = Number.isInteger(score) && score >= 1 && score <= 5;
        expect(fields.length === 0).toBe(valid);
      }),
    );
  });
});

describe('indicator values and evidence numbers', () => {
  const practice = (value: number): PracticeDraft => ({
    title: 'Практика',
    summary: '',
    methodKeys: [],
    data: { indicators: [{ tier: 'OUTPUT', name: 'Встреч', unit: 'шт.', value, baseline: value }] } as never,
  });

  it('indicators accept every finite number and refuse NaN and infinities', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        const fields = errorsOf((errors) => validateShape(practice(value), errors));
        expect(fields.length === 0).toBe(Number.isFinite(value));
      }),
    );
  });

  const evidence = (kind: string, evidenceNumber: number) => {
    try {
      checkEvidence({ asOf: '2026-01-01', evidenceNumber } as DiscloseInput, kind, new Date('2026-06-01T00:00:00Z'));
      return true;
    } catch (error) {
      expect(error).toBeInstanceOf(InputErrors);
      return false;
    }
  };

  it('a share is a number from 0 to 1; a count a whole number from 0', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        expect(evidence('SHARE', n)).toBe(Number.isFinite(n) && n >= 0 && n <= 1);
        expect(evidence('COUNT', n)).toBe(Number.isInteger(n) && n >= 0);
        expect(evidence('NUMBER', n)).toBe(Number.isFinite(n));
      }),
    );
  });
});
