import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { ComplianceSparkline } from './compliance-sparkline';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

const LEVELS = [
  { key: 'base', title: 'Базовый' },
  { key: 'extended', title: 'Расширенный' },
];

describe('ComplianceSparkline', () => {
  it('says in words what the line shows', () => {
    render(
      <ComplianceSparkline
        headingId="history"
        levels={LEVELS}
        history={[
          { score: 52, levelKey: null, takenAt: '2026-03-01T10:00:00Z' },
          { score: 56.9, levelKey: 'base', takenAt: '2026-06-15T10:00:00Z' },
          { score: 58.62, levelKey: 'base', takenAt: '2026-11-29T10:00:00Z' },
        ]}
      />,
    );
    const chart = screen.getByRole('img');
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: /^3 замера с 1 марта 2026 г\. по 29 ноября 2026 г\.: от 52 до 58,6 из 100, последний — 58,6\.$/,
      }),
    ).toBe(chart);
    expect(chart.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(3);
    // Every snapshot is listed too, with its level.
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^1 марта 2026 г\..*52—$/),
      expect.stringMatching(/56,9Базовый$/),
      expect.stringMatching(/58,6Базовый$/),
    ]);
  });

  it('uses the singular for one snapshot and words instead of a picture without history', () => {
    const { rerender } = render(
      <ComplianceSparkline
        headingId="history"
        levels={LEVELS}
        history={[{ score: 100, levelKey: 'extended', takenAt: '2026-11-29T10:00:00Z' }]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Один замер, 29 ноября 2026 г.: 100 из 100.' })).toBeTruthy();
    rerender(<ComplianceSparkline headingId="history" levels={LEVELS} history={[]} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/История пока пуста/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'История оценки' })).toBeTruthy();
  });
});
