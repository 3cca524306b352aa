import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { RejectDisclosureDocument, VerifyDisclosureDocument } from '../graphql/openness';
import { VerificationItem, type QueueDisclosure } from './verification-item';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

type Mocks = React.ComponentProps<typeof MockedProvider>['mocks'];

const DISCLOSURE: QueueDisclosure = {
  id: 'RGlzY2xvc3VyZTo1',
  version: 4,
  status: 'CLAIMED',
  criterionKey: 'income-by-source',
  evidenceUrl: 'https://semya.example.org/openness/income-by-source',
  evidenceText: null,
  evidenceNumber: null,
  asOf: '2026-03-01',
  expiresAt: '2027-09-01T00:00:00.000Z',
  rejectionReason: 'Нет разбивки по источникам',
  answer: 'Добавили таблицу поступлений',
  createdAt: '2026-03-02T10:00:00Z',
  updatedAt: '2026-03-10T10:00:00Z',
  decidedAt: null,
  standard: { id: 'T3Blbm5lc3NTdGFuZGFyZDox' },
  organisation: { id: 'T3JnOjE=', slug: 'fond-semya', name: 'Благотворительный фонд «Семья»' },
  criterion: {
    key: 'income-by-source',
    sectionKey: 'finance',
    title: 'Поступления по источникам',
    description: 'Поступления за год по источникам.',
    evidence: 'URL',
    mandatory: false,
    weight: 2,
    freshnessMonths: 18,
    appliesTo: ['NGO', 'OTHER'],
  },
};

function renderItem(mocks: Mocks = []) {
  const onDecided = vi.fn();
  const onRefresh = vi.fn();
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter>
        <VerificationItem disclosure={DISCLOSURE} onDecided={onDecided} onRefresh={onRefresh} />
      </MemoryRouter>
    </MockedProvider>,
  );
  return { onDecided, onRefresh, item: within(screen.getByRole('article', { name: 'Поступления по источникам' })) };
}

const refusal = (
  field: 'verifyDisclosure' | 'rejectDisclosure',
  code: string,
  message: string,
  path: string[] | null,
) => ({
  data: {
    [field]: {
      __typename: 'DisclosurePayload',
      disclosure: null,
      userErrors: [{ __typename: 'UserError', code, message, field: path }],
    },
  },
});

describe('VerificationItem', () => {
  it('shows the evidence with a safe link, the answer to the earlier rejection and the organisation', () => {
    const { item } = renderItem();
    const link = item.getByRole('link', { name: DISCLOSURE.evidenceUrl! });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(item.getByText('Добавили таблицу поступлений')).toBeTruthy();
    expect(item.getByText('Нет разбивки по источникам')).toBeTruthy();
    expect(item.getByRole('link', { name: 'Благотворительный фонд «Семья»' }).getAttribute('href')).toBe(
      '/organisations/fond-semya/openness#criterion-income-by-source',
    );
  });

  it('does not reject without a reason of 3–1000 characters', () => {
    const { item, onDecided } = renderItem();
    fireEvent.click(item.getByRole('button', { name: 'Отклонить' }));
    expect(item.getByText('Укажите причину отказа: от 3 до 1000 символов.')).toBeTruthy();
    expect(item.getByLabelText(/^Причина отказа/).getAttribute('aria-invalid')).toBe('true');
    expect(onDecided).not.toHaveBeenCalled();
  });

  it('says clearly when the disclosure changed meanwhile (CONFLICT) and offers to refresh the queue', async () => {
    const { item, onDecided, onRefresh } = renderItem([
      {
        request: { query: VerifyDisclosureDocument, variables: { input: { disclosureId: DISCLOSURE.id, version: 4 } } },
        result: refusal('verifyDisclosure', 'CONFLICT', 'Объект уже изменили: обновите страницу и повторите правку', [
          'input',
          'version',
        ]),
      },
    ]);
    fireEvent.click(item.getByRole('button', { name: 'Подтвердить' }));
    const alert = await item.findByRole('alert');
    expect(alert.textContent).toContain('Раскрытие уже изменилось');
    fireEvent.click(within(alert).getByRole('button', { name: 'Обновить очередь' }));
    expect(onRefresh).toHaveBeenCalled();
    expect(onDecided).not.toHaveBeenCalled();
  });

  it('rejects with the reason and shows a refusal of the reason at its field', async () => {
    const input = { disclosureId: DISCLOSURE.id, version: 4, reason: 'Ссылка не открывается' };
    const { item, onDecided } = renderItem([
      {
        request: { query: RejectDisclosureDocument, variables: { input } },
        result: refusal('rejectDisclosure', 'BAD_USER_INPUT', 'Укажите причину отказа (3–1000 символов)', [
          'input',
          'reason',
        ]),
      },
      {
        request: { query: RejectDisclosureDocument, variables: { input } },
        result: {
          data: {
            rejectDisclosure: {
              __typename: 'DisclosurePayload',
              disclosure: {
                __typename: 'Disclosure',
                id: DISCLOSURE.id,
                version: 5,
                status: 'REJECTED',
                rejectionReason: input.reason,
                decidedAt: '2026-03-11T10:00:00Z',
              },
              userErrors: [],
            },
          },
        },
      },
    ]);
    fireEvent.change(item.getByLabelText(/^Причина отказа/), { target: { value: ` ${input.reason} ` } });
    fireEvent.click(item.getByRole('button', { name: 'Отклонить' }));
    await waitFor(() => expect(item.getByText('Укажите причину отказа (3–1000 символов)')).toBeTruthy());
    fireEvent.click(item.getByRole('button', { name: 'Отклонить' }));
    await waitFor(() =>
      expect(onDecided).toHaveBeenCalledWith({
        outcome: 'REJECTED',
        criterion: 'Поступления по источникам',
        organisation: 'Благотворительный фонд «Семья»',
      }),
    );
  });
});
