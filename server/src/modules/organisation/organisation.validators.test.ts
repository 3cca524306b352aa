import { describe, expect, it } from 'vitest';
import { isValidInn, isValidOgrn } from './organisation.validators.js';
import { isHttpUrl, isValidSlug } from '../../common/validation.js';

describe('registration numbers', () => {
  it('accepts ИНН with valid check digits (10 and 12 digits)', () => {
    expect(isValidInn('7707083893')).toBe(true); // Сбербанк
    expect(isValidInn('500100732259')).toBe(true);
  });

  it('refuses ИНН with a wrong check digit, wrong length or non-digits', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('770708389')).toBe(false);
    expect(isValidInn('77070838 3')).toBe(false);
  });

  it('accepts ОГРН (13) and ОГРНИП (15) with valid check digits', () => {
    expect(isValidOgrn('1027700132195')).toBe(true); // Сбербанк
    expect(isValidOgrn('304500116000157')).toBe(true);
  });

  it('refuses ОГРН with a wrong check digit or length', () => {
    expect(isValidOgrn('1027700132196')).toBe(false);
    expect(isValidOgrn('304500116000158')).toBe(false);
    expect(isValidOgrn('10277001321')).toBe(false);
  });
});

describe('websites and slugs', () => {
  it('accepts only http and https URLs', () => {
    expect(isHttpUrl('https://fond.example.ru/about')).toBe(true);
    expect(isHttpUrl('http://example.org')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('data:text/html,hi')).toBe(false);
    expect(isHttpUrl('file:///etc/passwd')).toBe(false);
    expect(isHttpUrl('not a url')).toBe(false);
  });

  it('accepts lower-case kebab slugs of 3–60 characters', () => {
    expect(isValidSlug('fond-semya')).toBe(true);
    expect(isValidSlug('ab')).toBe(false);
    expect(isValidSlug('Fond')).toBe(false);
    expect(isValidSlug('fond--semya')).toBe(false);
    expect(isValidSlug('фонд')).toBe(false);
  });
});
