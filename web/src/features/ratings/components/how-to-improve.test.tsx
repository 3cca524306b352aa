import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { HowToImprove } from './how-to-improve';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

describe('HowToImprove', () => {
  it('lists the tips in the order the API gives them, named by its heading', () => {
    const tips = [
      'Раскройте «Годовой отчёт»: +12 к открытости',
      'Опубликуйте практику и пригласите коллег из группы её отрецензировать',
    ];
    render(<HowToImprove tips={tips} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Как улучшить оценку' })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Как улучшить оценку' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(tips);
  });

  it('says so when there is nothing to suggest', () => {
    render(<HowToImprove tips={[]} />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('Подсказок нет: для этой оценки нечего добавить.')).toBeTruthy();
  });
});
