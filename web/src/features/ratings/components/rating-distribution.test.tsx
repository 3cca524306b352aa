import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { RatingDistributionDocument } from '../graphql/ratings';
import { DistributionFigure, RatingDistributionSection } from './rating-distribution';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

const bins = (counts: number[]) =>
  counts.map((count, index) => ({
    __typename: 'RatingDistributionBin' as const,
    from: index * 10,
    to: index * 10 + 10,
    count,
  }));

const SPREAD = { ranked: 9, notEnoughData: 4, bins: bins([0, 0, 1, 1, 2, 4, 1, 0, 0, 0]) };
const SCOPE = 'тип организации: НКО';

describe('DistributionFigure', () => {
  it('says in words what the bars show: the counts, the busiest range and every range in a table', () => {
    const { container } = render(<DistributionFigure distribution={SPREAD} scope={SCOPE} />);
    expect(screen.getByTestId('distribution-ranked').textContent).toBe('9');
    expect(screen.getByTestId('distribution-not-enough-data').textContent).toBe('4');
    expect(screen.getByText('С местом в рейтинге')).toBeTruthy();
    expect(screen.getByText('Недостаточно данных')).toBeTruthy();

    const figure = screen.getByRole('figure', {
      name: 'Больше всего организаций (4) получили от 50 до 60 баллов из 100.',
    });
    // The picture itself is hidden from assistive technology: the caption and the table carry it.
    expect(container.querySelector('.rating-chart__frame')?.getAttribute('aria-hidden')).toBe('true');
    expect(figure.contains(container.querySelector('.rating-chart__frame'))).toBe(true);

    const table = screen.getByRole('table', { name: `Распределение итоговых оценок — ${SCOPE}` });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row.textContent)).toEqual([
      '0–100',
      '10–200',
      '20–301',
      '30–401',
      '40–502',
      '50–604',
      '60–701',
      '70–800',
      '80–900',
      '90–1000',
    ]);
    expect(within(rows[5]!).getByRole('rowheader').textContent).toBe('50–60');
    expect(within(rows[5]!).getByRole('cell').textContent).toBe('4');
  });

  it('shows the counts and a sentence instead of a picture when no organisation is ranked', () => {
    render(
      <DistributionFigure
        distribution={{ ranked: 0, notEnoughData: 3, bins: bins(Array(10).fill(0)) }}
        scope={SCOPE}
      />,
    );
    expect(screen.getByTestId('distribution-not-enough-data').textContent).toBe('3');
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/Ни у одной организации пока нет места в рейтинге/)).toBeTruthy();
  });
});

describe('RatingDistributionSection', () => {
  it('asks for the distribution of the comparison on the page and shows it in a named region', async () => {
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: RatingDistributionDocument, variables: { kind: 'NGO', region: 'Тула' } },
            result: { data: { ratingDistribution: { __typename: 'RatingDistribution', ...SPREAD } } },
          },
        ]}
      >
        <RatingDistributionSection
          variables={{ kind: 'NGO', region: 'Тула' }}
          scope="тип организации: НКО, регион: Тула"
        />
      </MockedProvider>,
    );
    const region = screen.getByRole('region', { name: 'Распределение оценок' });
    expect(await within(region).findByRole('figure', { name: /Больше всего организаций \(4\)/ })).toBeTruthy();
    expect(within(region).getByRole('table', { name: /регион: Тула$/ })).toBeTruthy();
  });
});
