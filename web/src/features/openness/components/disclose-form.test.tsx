import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import type { CriterionFieldsFragment, DisclosureFieldsFragment } from '../../../gql/graphql';
import { DiscloseDocument } from '../graphql/openness';
import type { DiscloseAction } from '../openness-model';
import { DiscloseForm } from './disclose-form';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

type Mocks = React.ComponentProps<typeof MockedProvider>['mocks'];

const SHARE: CriterionFieldsFragment = {
  key: 'satisfaction-site',
  sectionKey: 'satisfaction',
  title: 'Доля удовлетворённых информацией на сайте',
  description: 'Доля опрошенных получателей услуг…',
  evidence: 'SHARE',
  mandatory: false,
  weight: 1,
  freshnessMonths: 12,
  appliesTo: ['STATE_INSTITUTION', 'MUNICIPAL_INSTITUTION'],
};
const DOCUMENT: CriterionFieldsFragment = {
  ...SHARE,
  key: 'conflict-of-interest-policy',
  sectionKey: 'governance',
  title: 'Политика урегулирования конфликта интересов',
  evidence: 'DOCUMENT',
  appliesTo: ['NGO', 'OTHER'],
};

function renderForm(
  criterion: CriterionFieldsFragment,
  options: { mocks?: Mocks; action?: DiscloseAction; earlier?: DisclosureFieldsFragment | null } = {},
) {
  const onSaved = vi.fn();
  render(
    <MockedProvider mocks={options.mocks ?? []}>
      <DiscloseForm
        standardKey={criterion.evidence === 'SHARE' ? 'social-services-openness' : 'ngo-openness'}
        criterion={criterion}
        earlier={options.earlier ?? null}
        action={options.action ?? 'disclose'}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </MockedProvider>,
  );
  return onSaved;
}

const form = (title: string) => screen.getByRole('form', { name: `Раскрытие информации: ${title}` });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Отправить на подтверждение' }));
const type = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('DiscloseForm', () => {
  it('asks a SHARE criterion for a share in percent (0–100) or as a fraction, and the as-of date', async () => {
    const onSaved = renderForm(SHARE, {
      mocks: [
        {
          request: {
            query: DiscloseDocument,
            variables: {
              input: {
                standardKey: 'social-services-openness',
                criterionKey: 'satisfaction-site',
                asOf: '2026-03-01',
                evidenceNumber: 0.815,
              },
            },
          },
          result: {
            data: { disclose: { __typename: 'DisclosurePayload', disclosure: CLAIMED_SHARE, userErrors: [] } },
          },
        },
      ],
    });
    const share = within(form(SHARE.title));
    expect(share.queryByLabelText(/^Ссылка/)).toBeNull();
    expect(share.getByRole('radio', { name: 'в процентах, от 0 до 100' })).toHaveProperty('checked', true);
    const date = share.getByLabelText(/^Дата, на которую сведения актуальны/);
    expect(date.getAttribute('type')).toBe('date');
    expect(date.getAttribute('max')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    type(/^Доля/, '120');
    type(/^Дата, на которую сведения актуальны/, '2999-01-01');
    submit();
    expect(screen.getByRole('alert').textContent).toContain('Доля: Доля в процентах — число от 0 до 100');
    expect(document.getElementById('disclose-criterion-satisfaction-site-evidenceNumber-error')?.textContent).toMatch(
      /от 0 до 100/,
    );
    expect(document.getElementById('disclose-criterion-satisfaction-site-asOf-error')?.textContent).toMatch(
      /не может быть позже сегодняшнего дня/,
    );
    expect(date.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(share.getByRole('radio', { name: 'долей единицы, от 0 до 1' }));
    type(/^Доля/, '0,815');
    type(/^Дата, на которую сведения актуальны/, '2026-03-01');
    submit();
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('sends a percentage as a share and shows the API’s refusal at its field', async () => {
    const onSaved = renderForm(SHARE, {
      mocks: [
        {
          request: {
            query: DiscloseDocument,
            variables: {
              input: {
                standardKey: 'social-services-openness',
                criterionKey: 'satisfaction-site',
                asOf: '2026-03-01',
                evidenceNumber: 0.815,
                evidenceText: 'Опрос 120 получателей услуг',
              },
            },
          },
          result: {
            data: {
              disclose: {
                __typename: 'DisclosurePayload',
                disclosure: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    code: 'BAD_USER_INPUT',
                    message: 'Дата не может быть в будущем',
                    field: ['input', 'asOf'],
                  },
                  {
                    __typename: 'UserError',
                    code: 'FORBIDDEN',
                    message: 'Раскрывают информацию администраторы и редакторы организации',
                    field: null,
                  },
                ],
              },
            },
          },
        },
      ],
    });
    type(/^Доля/, '81,5');
    type(/^Пояснение/, ' Опрос 120 получателей услуг ');
    type(/^Дата, на которую сведения актуальны/, '2026-03-01');
    submit();
    await waitFor(() =>
      expect(document.getElementById('disclose-criterion-satisfaction-site-asOf-error')?.textContent).toContain(
        'Дата не может быть в будущем',
      ),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Раскрывают информацию администраторы и редакторы организации');
    expect(
      within(alert).getByRole('link', { name: /^Дата, на которую сведения актуальны: Дата не может/ }),
    ).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('asks a DOCUMENT criterion for an http(s) link and, after a rejection, for an answer', async () => {
    const earlier: DisclosureFieldsFragment = {
      id: 'RGlzY2xvc3VyZTox',
      version: 2,
      status: 'REJECTED',
      criterionKey: DOCUMENT.key,
      evidenceUrl: 'https://semya.example.org/old.pdf',
      evidenceText: null,
      evidenceNumber: null,
      asOf: '2026-03-01',
      expiresAt: null,
      rejectionReason: 'Документ не подписан',
      answer: null,
      createdAt: '2026-03-02T10:00:00Z',
      updatedAt: '2026-03-05T10:00:00Z',
      decidedAt: '2026-03-05T10:00:00Z',
      standard: { id: 'T3Blbm5lc3NTdGFuZGFyZDox' },
    };
    const onSaved = renderForm(DOCUMENT, {
      action: 'answer',
      earlier,
      mocks: [
        {
          request: {
            query: DiscloseDocument,
            variables: {
              input: {
                standardKey: 'ngo-openness',
                criterionKey: DOCUMENT.key,
                asOf: '2026-03-01',
                evidenceUrl: 'https://semya.example.org/policy-signed.pdf',
                answer: 'Приложили подписанную редакцию',
              },
            },
          },
          result: {
            data: {
              disclose: {
                __typename: 'DisclosurePayload',
                disclosure: { ...earlier, __typename: 'Disclosure', status: 'CLAIMED', version: 3 },
                userErrors: [],
              },
            },
          },
        },
      ],
    });
    const document_ = within(form(DOCUMENT.title));
    expect(document_.getByText('Заявку отклонили. Причина: Документ не подписан')).toBeTruthy();
    expect(document_.queryByLabelText(/^Доля/)).toBeNull();
    const link = document_.getByLabelText(/^Ссылка/) as HTMLInputElement;
    expect(link.value).toBe('https://semya.example.org/old.pdf');

    type(/^Ссылка/, 'ftp://semya.example.org/policy.pdf');
    submit();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Ссылка: Укажите ссылку целиком, начиная с http:// или https://');
    expect(alert.textContent).toContain('Ответ на замечание: Ответьте на причину отказа');

    type(/^Ссылка/, 'https://semya.example.org/policy-signed.pdf');
    type(/^Ответ на замечание/, 'Приложили подписанную редакцию');
    submit();
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('asks a COUNT criterion for a whole number of 0 or more', () => {
    renderForm({ ...SHARE, key: 'beneficiaries-served', title: 'Число благополучателей', evidence: 'COUNT' });
    const count = screen.getByLabelText(/^Количество/);
    expect(count.getAttribute('inputmode')).toBe('numeric');
    expect(screen.queryByRole('radio')).toBeNull();
    type(/^Количество/, '-3');
    type(/^Дата, на которую сведения актуальны/, '2026-03-01');
    submit();
    expect(screen.getByRole('alert').textContent).toContain('Количество: Введите целое число, не меньше нуля');
  });
});

const CLAIMED_SHARE = {
  __typename: 'Disclosure',
  id: 'RGlzY2xvc3VyZToy',
  version: 1,
  status: 'CLAIMED',
  criterionKey: 'satisfaction-site',
  evidenceUrl: null,
  evidenceText: null,
  evidenceNumber: 0.815,
  asOf: '2026-03-01',
  expiresAt: '2027-03-01T00:00:00.000Z',
  rejectionReason: null,
  answer: null,
  createdAt: '2026-03-02T10:00:00Z',
  updatedAt: '2026-03-02T10:00:00Z',
  decidedAt: null,
  standard: { __typename: 'OpennessStandard', id: 'T3Blbm5lc3NTdGFuZGFyZDoz' },
};
