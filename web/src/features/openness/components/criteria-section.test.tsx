import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import type { CriterionFieldsFragment, DisclosureFieldsFragment } from '../../../gql/graphql';
import { groupCriteriaBySection } from '../openness-model';
import { CriteriaSection } from './criteria-section';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

const STANDARD_ID = 'T3Blbm5lc3NTdGFuZGFyZDox';
const criterion = (key: string, title: string, overrides: Partial<CriterionFieldsFragment> = {}) =>
  ({
    key,
    sectionKey: 'results',
    title,
    description: `Что засчитывается для «${title}»`,
    evidence: 'DOCUMENT',
    mandatory: false,
    weight: 2,
    freshnessMonths: 18,
    appliesTo: ['NGO', 'OTHER'],
    ...overrides,
  }) satisfies CriterionFieldsFragment;
const disclosure = (criterionKey: string, overrides: Partial<DisclosureFieldsFragment>) =>
  ({
    id: `D-${criterionKey}`,
    version: 1,
    status: 'VERIFIED',
    criterionKey,
    evidenceUrl: `https://semya.example.org/${criterionKey}.pdf`,
    evidenceText: null,
    evidenceNumber: null,
    asOf: '2026-03-01',
    expiresAt: '2027-09-01T00:00:00.000Z',
    rejectionReason: null,
    answer: null,
    createdAt: '2026-03-02T10:00:00Z',
    updatedAt: '2026-03-02T10:00:00Z',
    decidedAt: '2026-03-03T10:00:00Z',
    standard: { id: STANDARD_ID },
    ...overrides,
  }) satisfies DisclosureFieldsFragment;

const standard = {
  id: STANDARD_ID,
  sections: [
    {
      key: 'results',
      title: 'Результаты',
      criteria: [
        criterion('annual-report', 'Публичный годовой отчёт', { mandatory: true }),
        criterion('outcome-indicators', 'Показатели результатов', { evidence: 'URL' }),
        criterion('independent-evaluations', 'Независимая оценка программ'),
        criterion('beneficiaries-served', 'Число благополучателей', { evidence: 'COUNT', freshnessMonths: null }),
      ],
    },
  ],
};
const disclosures = [
  disclosure('annual-report', {}),
  disclosure('outcome-indicators', { status: 'REJECTED', rejectionReason: 'Ссылка не открывается' }),
  disclosure('beneficiaries-served', { status: 'CLAIMED', evidenceUrl: null, evidenceNumber: 1412, expiresAt: null }),
];

function renderSection(canDisclose: boolean) {
  render(
    <MockedProvider>
      <CriteriaSection
        sections={groupCriteriaBySection(standard, disclosures, 'NGO', new Date('2026-11-29T10:00:00Z'))}
        standardKey="ngo-openness"
        canDisclose={canDisclose}
        seesUnverified={canDisclose}
        expiringKeys={new Set()}
      />
    </MockedProvider>,
  );
  const item = (key: string) => within(document.querySelector(`li[data-criterion-key="${key}"]`) as HTMLElement);
  return item;
}

describe('CriteriaSection', () => {
  it('shows every criterion under its section with its state, evidence and dates', () => {
    const item = renderSection(false);
    expect(screen.getByRole('heading', { level: 3, name: 'Результаты' })).toBeTruthy();
    expect(screen.getByText('подтверждено 1 из 4')).toBeTruthy();

    const verified = item('annual-report');
    expect(verified.getByText('Подтверждено')).toBeTruthy();
    expect(verified.getByText('обязательный')).toBeTruthy();
    const link = verified.getByRole('link', { name: 'https://semya.example.org/annual-report.pdf' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(verified.getByText('1 марта 2026 г.')).toBeTruthy();
    expect(verified.getByText('1 сентября 2027 г.')).toBeTruthy();

    expect(item('outcome-indicators').getByText('Отклонено')).toBeTruthy();
    expect(item('outcome-indicators').getByText('Ссылка не открывается')).toBeTruthy();
    expect(item('independent-evaluations').getByText('Не раскрыто')).toBeTruthy();
    const claimed = item('beneficiaries-served');
    expect(claimed.getByText('Заявлено', { selector: '.badge' })).toBeTruthy();
    expect(claimed.getByText('1 412')).toBeTruthy();
    expect(claimed.getByText(/Ждёт подтверждения/)).toBeTruthy();

    // Visitors get no disclose buttons.
    expect(screen.queryByRole('button', { name: /^Раскрыть информацию/ })).toBeNull();
  });

  it('offers the organisation the action each state allows and opens the form in place', () => {
    const item = renderSection(true);
    expect(item('annual-report').queryByRole('button')).toBeNull();
    expect(
      item('outcome-indicators').getByRole('button', { name: 'Ответить и заявить снова: Показатели результатов' }),
    ).toBeTruthy();
    expect(
      item('beneficiaries-served').getByRole('button', { name: 'Изменить заявку: Число благополучателей' }),
    ).toBeTruthy();
    fireEvent.click(
      item('independent-evaluations').getByRole('button', { name: 'Раскрыть информацию: Независимая оценка программ' }),
    );
    const form = item('independent-evaluations').getByRole('form', {
      name: 'Раскрытие информации: Независимая оценка программ',
    });
    expect(within(form).getByLabelText(/^Ссылка/)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Раскрытие информации: Независимая оценка программ');
    fireEvent.click(within(form).getByRole('button', { name: 'Отмена' }));
    expect(item('independent-evaluations').queryByRole('form')).toBeNull();
  });
});
