import { describe, expect, it } from 'vitest';
import { EMPTY_PRACTICE, emptyIndicator, parseDecimal, toContentInput, type IndicatorRow } from './practice-model';
import { validateIndicatorRow, validatePractice } from './practice-validation';

const row = (overrides: Partial<IndicatorRow> = {}): IndicatorRow => ({
  ...emptyIndicator(),
  tier: 'OUTCOME',
  name: 'Решения, изменённые по итогам отзывов',
  unit: 'шт.',
  baseline: '2',
  value: '7',
  period: '2025',
  source: 'Протоколы совета',
  ...overrides,
});

describe('validateIndicatorRow', () => {
  it('accepts a complete row, with numbers written the Russian way', () => {
    expect(validateIndicatorRow(row())).toEqual({});
    expect(validateIndicatorRow(row({ baseline: '54,5', value: '1 200' }))).toEqual({});
    expect(validateIndicatorRow(row({ baseline: '' }))).toEqual({});
  });

  it('requires a tier, a name, a unit and a value', () => {
    expect(validateIndicatorRow(emptyIndicator())).toEqual({
      tier: { key: 'validation.chooseOne' },
      name: { key: 'validation.required' },
      unit: { key: 'validation.required' },
      value: { key: 'validation.required' },
    });
  });

  it('refuses values and baselines that are not numbers', () => {
    expect(validateIndicatorRow(row({ value: 'много', baseline: '10%' }))).toEqual({
      value: { key: 'validation.number' },
      baseline: { key: 'validation.number' },
    });
    expect(validateIndicatorRow(row({ value: '1,2,3' })).value).toEqual({ key: 'validation.number' });
    expect(validateIndicatorRow(row({ value: 'Infinity' })).value).toEqual({ key: 'validation.number' });
  });

  it('checks the lengths the API allows', () => {
    const errors = validateIndicatorRow(
      row({ unit: 'x'.repeat(51), period: 'x'.repeat(101), source: 'x'.repeat(501) }),
    );
    expect(errors.unit).toEqual({ key: 'validation.tooLong', max: 50 });
    expect(errors.period).toEqual({ key: 'validation.tooLong', max: 100 });
    expect(errors.source).toEqual({ key: 'validation.tooLong', max: 500 });
  });
});

describe('validatePractice', () => {
  it('asks only for a title (and a group) to save a draft, with row errors keyed by index', () => {
    expect(validatePractice(EMPTY_PRACTICE, { mode: 'draft', withGroup: true })).toEqual({
      groupId: { key: 'validation.chooseOne' },
      title: { key: 'validation.required' },
    });
    const errors = validatePractice(
      { ...EMPTY_PRACTICE, title: 'Практика', indicators: [row(), row({ value: 'семь' })], beneficiarySize: '-3' },
      { mode: 'draft', withGroup: false },
    );
    expect(errors).toEqual({
      'indicators.1.value': { key: 'validation.number' },
      'beneficiarySegment.size': { key: 'validation.wholeNumber' },
    });
  });

  it('lists what publishing needs', () => {
    const errors = validatePractice({ ...EMPTY_PRACTICE, title: 'Практика' }, { mode: 'publish', withGroup: false });
    expect(Object.keys(errors).sort()).toEqual(
      [
        'beneficiarySegment.description',
        'indicators',
        'loopClosure.closed',
        'loopClosure.returnedHow',
        'loopClosure.returnedWhat',
        'methodKeys',
        'participationLevel',
        'problem',
        'summary',
      ].sort(),
    );
  });

  it('checks evidence links are http(s) addresses and tags fit', () => {
    const errors = validatePractice(
      {
        ...EMPTY_PRACTICE,
        title: 'Практика',
        evidenceLinks: [
          { rowKey: 'a', title: 'Отчёт', url: 'javascript:alert(1)' },
          { rowKey: 'b', title: '', url: 'https://example.org/otchet.pdf' },
        ],
        tags: `семьи, ${'x'.repeat(41)}`,
      },
      { mode: 'draft', withGroup: false },
    );
    expect(errors).toEqual({
      'evidenceLinks.0.url': { key: 'validation.urlFormat' },
      'evidenceLinks.1.title': { key: 'validation.required' },
      tags: { key: 'validation.tagTooLong', max: 40 },
    });
  });
});

describe('toContentInput', () => {
  it('sends numbers as numbers and clears what is empty', () => {
    const input = toContentInput({
      ...EMPTY_PRACTICE,
      title: '  Практика ',
      beneficiarySize: '1 200',
      loopClosed: 'no',
      indicators: [row({ baseline: '', value: '12,5' })],
      tags: 'семьи, интервью, семьи',
    });
    expect(input.title).toBe('Практика');
    expect(input.beneficiarySegment).toEqual({ description: '', size: 1200, reach: '' });
    expect(input.loopClosure?.closed).toBe(false);
    expect(input.loopClosure?.turnaroundDays).toBeNull();
    expect(input.participationLevel).toBeNull();
    expect(input.indicators?.[0]).toMatchObject({ tier: 'OUTCOME', baseline: null, value: 12.5 });
    expect(input.tags).toEqual(['семьи', 'интервью']);
    expect(parseDecimal('−5')).toBeNull();
  });
});
