import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { RatingHistoryDocument } from '../graphql/ratings';
import { RatingTrend, TrendFigure } from './rating-trend';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

const point = (takenAt: string, composite: number, rank: number | null, reason: 'MONTHLY' | 'ON_DEMAND') => ({
  __typename: 'RatingHistoryPoint' as const,
  takenAt,
  composite,
  rank,
  enoughData: rank !== null,
  reason,
});

// Midday UTC, so the dates are the same in any test machine's time zone.
const HISTORY = [
  point('2026-09-01T12:00:00Z', 38.4, null, 'MONTHLY'),
  point('2026-10-01T12:00:00Z', 52, 4, 'MONTHLY'),
  point('2026-10-15T12:00:00Z', 61.25, 2, 'ON_DEMAND'),
];

describe('TrendFigure', () => {
  it('says in words what the line shows and lists every snapshot with its rank', () => {
    const { container } = render(<TrendFigure history={HISTORY} caption="Срезы рейтинга: Фонд «Семья»" />);
    expect(
      screen.getByRole('figure', {
        name: '3 среза с 1 сентября 2026 г. по 15 октября 2026 г.: от 38,4 до 61,3 из 100, последний — 61,3.',
      }),
    ).toBeTruthy();
    expect(container.querySelector('.rating-chart__frame')?.getAttribute('aria-hidden')).toBe('true');
    const table = screen.getByRole('table', { name: 'Срезы рейтинга: Фонд «Семья»' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['38,4', 'недостаточно данных', 'ежемесячный'],
      ['52', '4', 'ежемесячный'],
      ['61,3', '2', 'по запросу'],
    ]);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toMatch(/^1 сентября 2026 г\./);
  });

  it('uses the singular for one snapshot', () => {
    render(<TrendFigure history={HISTORY.slice(1, 2)} caption="Срезы" />);
    expect(screen.getByRole('figure', { name: 'Один срез, 1 октября 2026 г.: 52 из 100.' })).toBeTruthy();
  });

  it('says that there are no snapshots yet instead of drawing an empty chart', () => {
    const { container } = render(<TrendFigure history={[]} caption="Срезы" />);
    expect(screen.getByText('Срезов пока нет: рейтинг записывается раз в месяц.')).toBeTruthy();
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(container.querySelector('.rating-chart__frame')).toBeNull();
  });
});

describe('RatingTrend', () => {
  it('asks for the history within the thematic group compared', async () => {
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: RatingHistoryDocument, variables: { slug: 'fond-semya', groupId: 'R3JvdXA6MQ==' } },
            result: {
              data: { organisation: { __typename: 'Organisation', id: 'T3JnOjE=', ratingHistory: HISTORY } },
            },
          },
        ]}
      >
        <RatingTrend slug="fond-semya" name="Фонд «Семья»" groupId="R3JvdXA6MQ==" scope="в группе «Детство»" />
      </MockedProvider>,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Динамика оценки' })).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Срезы рейтинга: Фонд «Семья», в группе «Детство»' })).toBeTruthy();
  });
});
