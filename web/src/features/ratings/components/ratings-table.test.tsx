import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { RatingHistoryDocument } from '../graphql/ratings';
import { RatingsTable } from './ratings-table';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

const component = (score: number | null, sample: number, weight: number) => ({
  score,
  sample,
  weight,
  points: (score ?? 0) * weight,
});

const ITEMS = [
  {
    composite: 64.9,
    rank: 1,
    enoughData: true,
    openness: component(80, 1, 0.35),
    practiceQuality: component(72, 5, 0.3),
    engagementDepth: component(50, 3, 0.2),
    contribution: component(40, 4, 0.15),
    howToImprove: ['Раскройте «Годовой отчёт»: +12 к открытости', 'Верните итоги опроса благополучателям'],
    organisation: { id: 'o1', slug: 'fond-semya', name: 'Фонд «Семья»', kind: 'NGO' as const, region: 'Тула' },
  },
  {
    composite: 12,
    rank: null,
    enoughData: false,
    openness: component(34.29, 1, 0.35),
    practiceQuality: component(null, 0, 0.3),
    engagementDepth: component(null, 0, 0.2),
    contribution: component(0, 0, 0.15),
    howToImprove: [],
    organisation: { id: 'o2', slug: 'novyj-centr', name: 'Новый центр', kind: 'NGO' as const, region: 'Тула' },
  },
];

const KIND_SCOPE = { label: 'среди организаций типа «НКО»' };

// An opened row asks for the organisation's recorded ratings among its kind.
const historyMock = (slug: string) => ({
  request: { query: RatingHistoryDocument, variables: { slug } },
  result: {
    data: {
      organisation: { __typename: 'Organisation' as const, id: `id-${slug}`, ratingHistory: [] },
    },
  },
});

function Providers({ children }: { children: ReactNode }) {
  return (
    <MockedProvider mocks={[historyMock('fond-semya')]}>
      <MemoryRouter>{children}</MemoryRouter>
    </MockedProvider>
  );
}

describe('RatingsTable', () => {
  it('lists ranks, links and bars with their values in words', () => {
    render(
      <Providers>
        <RatingsTable items={ITEMS} caption="Рейтинг — тип организации: НКО" trendScope={KIND_SCOPE} />
      </Providers>,
    );
    const table = screen.getByRole('table', { name: 'Рейтинг — тип организации: НКО' });
    expect(within(table).getAllByRole('columnheader')[0]?.getAttribute('scope')).toBe('col');
    expect(within(table).getByRole('link', { name: 'Фонд «Семья»' }).getAttribute('href')).toBe(
      '/organisations/fond-semya',
    );
    const first = within(table).getByRole('row', { name: /Фонд «Семья»/ });
    expect(first.textContent).toContain('72 (5 рецензий)');
    const second = within(table).getByRole('row', { name: /Новый центр/ });
    expect(second.textContent).toContain('недостаточно данных');
    expect(second.textContent).toContain('нет данных');
  });

  it('opens a row’s breakdown with a button that says whether it is open', () => {
    render(
      <Providers>
        <RatingsTable items={ITEMS} caption="Рейтинг" trendScope={KIND_SCOPE} />
      </Providers>,
    );
    const toggle = screen.getByRole('button', { name: 'Из чего складывается оценка: Фонд «Семья»' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('table', { name: /Из чего складывается оценка/ })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(details?.hidden).toBe(false);
    expect(within(details!).getByRole('table', { name: 'Из чего складывается оценка: Фонд «Семья»' })).toBeTruthy();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows in the opened breakdown how to improve and the trend, which has no snapshots yet', async () => {
    render(
      <Providers>
        <RatingsTable items={ITEMS} caption="Рейтинг" trendScope={KIND_SCOPE} />
      </Providers>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Из чего складывается оценка: Фонд «Семья»' }));
    const tips = screen.getByRole('list', { name: 'Как улучшить оценку' });
    expect(
      within(tips)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(ITEMS[0]!.howToImprove);
    expect(screen.getByRole('heading', { level: 3, name: 'Динамика оценки' })).toBeTruthy();
    expect(await screen.findByText('Срезов пока нет: рейтинг записывается раз в месяц.')).toBeTruthy();
  });
});
