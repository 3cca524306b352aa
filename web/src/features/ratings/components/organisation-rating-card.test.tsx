import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { OrganisationRatingDocument, RatingHistoryDocument } from '../graphql/ratings';
import { OrganisationRatingCard } from './organisation-rating-card';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

const component = (score: number | null, sample: number, weight: number) => ({
  __typename: 'RatingComponent' as const,
  score,
  sample,
  weight,
  points: (score ?? 0) * weight,
});

const TIPS = ['Раскройте «Состав попечительского совета»: +8 к открытости', 'Закройте петлю обратной связи в практике'];

const MOCKS = [
  {
    request: { query: OrganisationRatingDocument, variables: { slug: 'fond-semya' } },
    result: {
      data: {
        organisation: {
          __typename: 'Organisation',
          id: 'T3JnOjE=',
          slug: 'fond-semya',
          kind: 'NGO',
          rating: {
            __typename: 'OrganisationRating',
            composite: 64.9,
            rank: 3,
            enoughData: true,
            openness: component(80, 1, 0.35),
            practiceQuality: component(72, 5, 0.3),
            engagementDepth: component(50, 3, 0.2),
            contribution: component(40, 4, 0.15),
            howToImprove: TIPS,
          },
        },
      },
    },
  },
  {
    request: { query: RatingHistoryDocument, variables: { slug: 'fond-semya' } },
    result: { data: { organisation: { __typename: 'Organisation', id: 'T3JnOjE=', ratingHistory: [] } } },
  },
];

describe('OrganisationRatingCard', () => {
  it('shows how to improve and the trend among the organisation’s kind next to the score', async () => {
    render(
      <MockedProvider mocks={MOCKS}>
        <MemoryRouter>
          <OrganisationRatingCard slug="fond-semya" name="Благотворительный фонд «Семья»" />
        </MemoryRouter>
      </MockedProvider>,
    );
    const card = await screen.findByRole('region', { name: 'Рейтинг' });
    expect(card.textContent).toContain('3-е место среди организаций типа «НКО»');
    const tips = within(card).getByRole('list', { name: 'Как улучшить оценку' });
    expect(
      within(tips)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(TIPS);
    expect(within(card).getByRole('heading', { level: 3, name: 'Динамика оценки' })).toBeTruthy();
    expect(await within(card).findByText('Срезов пока нет: рейтинг записывается раз в месяц.')).toBeTruthy();
  });
});
