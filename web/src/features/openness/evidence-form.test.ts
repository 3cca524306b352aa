import { describe, expect, it } from 'vitest';
import {
  discloseInput,
  evidenceFieldKey,
  initialEvidenceValues,
  latestAsOf,
  validateEvidence,
  type EvidenceFormValues,
} from './evidence-form';

const NOW = new Date('2026-11-29T10:00:00Z');
const blank: EvidenceFormValues = {
  url: '',
  text: '',
  number: '',
  shareUnit: 'percent',
  asOf: '2026-03-01',
  answer: '',
};
const check = (values: Partial<EvidenceFormValues>, evidence: Parameters<typeof validateEvidence>[1]['evidence']) =>
  validateEvidence({ ...blank, ...values }, { evidence, answering: false, now: NOW });

describe('validateEvidence: links (URL, DOCUMENT)', () => {
  it('asks for a link and accepts only http and https', () => {
    expect(check({}, 'URL').evidenceUrl).toEqual({ key: 'validation.required' });
    for (const url of ['ftp://semya.example.org/otchet.pdf', 'javascript:alert(1)', 'semya.example.org', 'https://']) {
      expect(check({ url }, 'DOCUMENT').evidenceUrl, url).toEqual({ key: 'validation.urlFormat' });
    }
    expect(check({ url: ' https://semya.example.org/otchet.pdf ' }, 'DOCUMENT')).toEqual({});
    expect(check({ url: 'http://semya.example.org/' }, 'URL')).toEqual({});
    expect(check({ url: `https://example.org/${'a'.repeat(2048)}` }, 'URL').evidenceUrl).toEqual({
      key: 'validation.urlFormat',
    });
  });

  it('sends the link and nothing the criterion does not ask for', () => {
    const input = discloseInput(
      { ...blank, url: ' https://semya.example.org/otchet.pdf ', text: 'лишнее', number: '5' },
      { standardKey: 'ngo-openness', criterionKey: 'annual-report', evidence: 'DOCUMENT', answering: false },
    );
    expect(input).toEqual({
      standardKey: 'ngo-openness',
      criterionKey: 'annual-report',
      asOf: '2026-03-01',
      evidenceUrl: 'https://semya.example.org/otchet.pdf',
    });
  });
});

describe('validateEvidence: text', () => {
  it('asks for words, at most 5000 characters', () => {
    expect(check({ text: '   ' }, 'TEXT').evidenceText).toEqual({ key: 'validation.required' });
    expect(check({ text: 'я'.repeat(5001) }, 'TEXT').evidenceText).toEqual({ key: 'validation.tooLong', max: 5000 });
    expect(check({ text: 'Размещено на стенде в холле' }, 'TEXT')).toEqual({});
  });
});

describe('validateEvidence: numbers', () => {
  it('takes any number for NUMBER, with a decimal comma', () => {
    expect(check({ number: '12,5' }, 'NUMBER')).toEqual({});
    expect(check({ number: '-3' }, 'NUMBER')).toEqual({});
    expect(check({ number: 'двенадцать' }, 'NUMBER').evidenceNumber).toEqual({ key: 'validation.number' });
    expect(check({}, 'NUMBER').evidenceNumber).toEqual({ key: 'validation.required' });
  });

  it('takes a whole number of 0 or more for COUNT', () => {
    expect(check({ number: '0' }, 'COUNT')).toEqual({});
    expect(check({ number: '1 412' }, 'COUNT')).toEqual({});
    for (const number of ['-1', '2,5', '3.0', '1e3', 'много']) {
      expect(check({ number }, 'COUNT').evidenceNumber, number).toEqual({ key: 'validation.wholeNumber' });
    }
    const input = discloseInput(
      { ...blank, number: '1 412' },
      { standardKey: 'ngo-openness', criterionKey: 'beneficiaries-served', evidence: 'COUNT', answering: false },
    );
    expect(input.evidenceNumber).toBe(1412);
  });

  it('bounds a share 0–100 as a percentage and 0–1 as a fraction', () => {
    const percent = (number: string) => check({ number, shareUnit: 'percent' }, 'SHARE').evidenceNumber;
    const fraction = (number: string) => check({ number, shareUnit: 'fraction' }, 'SHARE').evidenceNumber;
    expect(percent('0')).toBeUndefined();
    expect(percent('81,5')).toBeUndefined();
    expect(percent('100')).toBeUndefined();
    expect(percent('81,5 %')).toBeUndefined();
    expect(percent('100,1')).toEqual({ key: 'openness.validation.sharePercent' });
    expect(percent('-1')).toEqual({ key: 'openness.validation.sharePercent' });
    expect(fraction('0,815')).toBeUndefined();
    expect(fraction('1')).toBeUndefined();
    expect(fraction('81,5')).toEqual({ key: 'openness.validation.shareFraction' });
    expect(fraction('-0,1')).toEqual({ key: 'openness.validation.shareFraction' });
  });

  it('converts a percentage to the share the API stores, and keeps an optional explanation', () => {
    const target = {
      standardKey: 'social-services-openness',
      criterionKey: 'satisfaction-site',
      evidence: 'SHARE' as const,
      answering: false,
    };
    expect(discloseInput({ ...blank, number: '81,5', text: ' Опрос 120 человек ' }, target)).toEqual({
      standardKey: 'social-services-openness',
      criterionKey: 'satisfaction-site',
      asOf: '2026-03-01',
      evidenceNumber: 0.815,
      evidenceText: 'Опрос 120 человек',
    });
    expect(discloseInput({ ...blank, number: '0,88', shareUnit: 'fraction' }, target).evidenceNumber).toBe(0.88);
    expect(discloseInput({ ...blank, number: '57,3' }, target).evidenceNumber).toBe(0.573);
  });

  it('shows an earlier share as a percentage to correct', () => {
    const values = initialEvidenceValues(
      { evidenceUrl: null, evidenceText: null, evidenceNumber: 0.815, asOf: '2026-03-01' },
      { evidence: 'SHARE', keepDate: true },
    );
    expect(values).toMatchObject({ number: '81.5', shareUnit: 'percent', asOf: '2026-03-01' });
    expect(initialEvidenceValues(null, { evidence: 'URL', keepDate: true })).toMatchObject({ url: '', asOf: '' });
  });
});

describe('validateEvidence: the as-of date', () => {
  it('asks for a real date that is not in the future', () => {
    expect(check({ asOf: '' }, 'URL').asOf).toEqual({ key: 'validation.required' });
    expect(check({ asOf: '2026-02-30' }, 'TEXT').asOf).toEqual({ key: 'openness.validation.date' });
    expect(check({ asOf: '01.03.2026' }, 'TEXT').asOf).toEqual({ key: 'openness.validation.date' });
    expect(check({ asOf: '2026-11-30' }, 'TEXT').asOf).toEqual({ key: 'openness.validation.dateInFuture' });
    expect(check({ asOf: '2026-11-29', text: 'есть' }, 'TEXT')).toEqual({});
  });

  it('allows today once it has begun both here and in UTC, as the API does', () => {
    expect(latestAsOf(NOW)).toBe('2026-11-29');
    // Just after midnight UTC the UTC date is ahead of a western clock (and behind an eastern one
    // just before it): the earlier of the two is the latest date the API accepts.
    const utcMidnight = new Date('2026-11-30T00:30:00Z');
    const local = `${utcMidnight.getFullYear()}-${String(utcMidnight.getMonth() + 1).padStart(2, '0')}-${String(utcMidnight.getDate()).padStart(2, '0')}`;
    expect(latestAsOf(utcMidnight)).toBe(local < '2026-11-30' ? local : '2026-11-30');
  });
});

describe('validateEvidence: answering a rejection', () => {
  it('asks for an answer after a rejection and sends it', () => {
    const values = { ...blank, url: 'https://semya.example.org/policy.pdf' };
    expect(validateEvidence(values, { evidence: 'DOCUMENT', answering: true, now: NOW }).answer).toEqual({
      key: 'openness.validation.answerRequired',
    });
    expect(validateEvidence(values, { evidence: 'DOCUMENT', answering: false, now: NOW })).toEqual({});
    const input = discloseInput(
      { ...values, answer: ' Политику утвердил совет фонда ' },
      {
        standardKey: 'ngo-openness',
        criterionKey: 'conflict-of-interest-policy',
        evidence: 'DOCUMENT',
        answering: true,
      },
    );
    expect(input.answer).toBe('Политику утвердил совет фонда');
  });
});

describe('evidenceFieldKey', () => {
  it('maps API error paths to the form fields, others to the form level', () => {
    expect(evidenceFieldKey(['input', 'evidenceNumber'])).toBe('evidenceNumber');
    expect(evidenceFieldKey(['input', 'asOf'])).toBe('asOf');
    expect(evidenceFieldKey(['input', 'criterionKey'])).toBeNull();
    expect(evidenceFieldKey(['input', 'standardKey'])).toBeNull();
    expect(evidenceFieldKey(['evidenceUrl'])).toBeNull();
  });
});
