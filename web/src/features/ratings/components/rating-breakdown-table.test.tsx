import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { ratingBreakdown, type RatingValues } from '../rating-breakdown';
import { RatingBreakdownTable } from './rating-breakdown-table';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

// Each term rounds up on its own (6.25 → 6.3 four times = 25.2), while the composite is 25.0.
const ROUNDING_TRAP: RatingValues = {
  composite: 25,
  openness: { score: 17.857142857142858, sample: 1, weight: 0.35, points: 6.25 },
  practiceQuality: { score: 20.833333333333332, sample: 5, weight: 0.3, points: 6.25 },
  engagementDepth: { score: 31.25, sample: 2, weight: 0.2, points: 6.25 },
  contribution: { score: 41.666666666666664, sample: 7, weight: 0.15, points: 6.25 },
};

const WITHOUT_DATA: RatingValues = {
  composite: 45.22,
  openness: { score: 72, sample: 1, weight: 0.35, points: 25.2 },
  practiceQuality: { score: 66.73, sample: 5, weight: 0.3, points: 20.019 },
  engagementDepth: { score: null, sample: 0, weight: 0.2, points: 0 },
  contribution: { score: 0, sample: 0, weight: 0.15, points: 0 },
};

const tenths = (value: number) => Math.round(value * 10);
const parse = (text: string | null) => Number((text ?? '').replace(/\s/g, '').replace(',', '.'));

describe('ratingBreakdown', () => {
  it('rounds the points so that they add up to the rounded composite', () => {
    for (const rating of [ROUNDING_TRAP, WITHOUT_DATA]) {
      const breakdown = ratingBreakdown(rating);
      const sum = breakdown.rows.reduce((total, row) => total + tenths(row.shownPoints), 0);
      expect(sum).toBe(tenths(breakdown.shownComposite));
      // No term moves by more than one shown unit from its exact value.
      for (const row of breakdown.rows) expect(Math.abs(row.shownPoints - row.points)).toBeLessThanOrEqual(0.1);
    }
    expect(ratingBreakdown(ROUNDING_TRAP).rows.map((row) => row.shownPoints)).toEqual([6.3, 6.3, 6.2, 6.2]);
  });

  it('keeps the components in the published order with their weights', () => {
    const rows = ratingBreakdown(WITHOUT_DATA).rows;
    expect(rows.map((row) => [row.key, row.weight])).toEqual([
      ['openness', 0.35],
      ['practiceQuality', 0.3],
      ['engagementDepth', 0.2],
      ['contribution', 0.15],
    ]);
  });
});

describe('RatingBreakdownTable', () => {
  it('shows score, weight and points per component, and the points sum to the composite shown', () => {
    render(<RatingBreakdownTable rating={ROUNDING_TRAP} name="Фонд «Семья»" />);
    const table = screen.getByRole('table', { name: 'Из чего складывается оценка: Фонд «Семья»' });
    const keys = ['openness', 'practiceQuality', 'engagementDepth', 'contribution'] as const;
    const shown = keys.map((key) => parse(within(table).getByTestId(`points-${key}`).textContent));
    const total = parse(within(table).getByTestId('points-total').textContent);
    expect(total).toBe(25);
    expect(shown.reduce((sum, value) => sum + tenths(value), 0)).toBe(tenths(total));

    const opennessRow = within(table).getByRole('row', { name: /Открытость/ });
    expect(
      within(opennessRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent?.replace(/\s/g, ' ')),
    ).toEqual(['17,9 (по стандарту)', '35 %', '6,3']);
    expect(within(table).getByRole('row', { name: /Качество практик/ }).textContent).toContain('5 рецензий');
  });

  it('says "no data" for a component without data', () => {
    render(<RatingBreakdownTable rating={WITHOUT_DATA} name="Центр" />);
    const row = screen.getByRole('row', { name: /Глубина вовлечения/ });
    expect(row.textContent).toContain('нет данных');
    expect(parse(screen.getByTestId('points-total').textContent)).toBe(45.2);
  });
});
