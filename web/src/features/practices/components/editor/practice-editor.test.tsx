import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../app/i18n/i18n';
import { UpdatePracticeDocument } from '../../graphql/practices';
import { EMPTY_PRACTICE, emptyIndicator, type PracticeFormValues } from '../../practice-model';
import { PracticeEditor } from './practice-editor';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

const GROUP = { id: 'VGhlbWF0aWNHcm91cDox', slug: 'semyi-v-tzhs', title: 'Семьи в трудной жизненной ситуации' };
const METHODS = [
  { key: 'survey', category: 'COLLECTION_METHOD' as const, title: 'Анкетирование', description: 'Опрос.' },
];

function renderEditor(values: PracticeFormValues, mocks: MockedProviderMocks = []) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter>
        <PracticeEditor
          practice={{ id: 'UHJhY3RpY2U6MQ==', status: 'DRAFT', version: 3, revisionNumber: 0 }}
          fixedGroup={GROUP}
          groups={[GROUP]}
          methods={METHODS}
          initialValues={values}
          initialStep="context"
          onReload={() => undefined}
        />
      </MemoryRouter>
    </MockedProvider>,
  );
}

type MockedProviderMocks = React.ComponentProps<typeof MockedProvider>['mocks'];

const saveDraft = () => fireEvent.click(screen.getByRole('button', { name: 'Сохранить черновик' }));

describe('PracticeEditor', () => {
  it('marks the current step and moves between steps', () => {
    renderEditor({ ...EMPTY_PRACTICE, title: 'Практика' });
    const steps = screen.getByRole('navigation', { name: 'Шаги' });
    expect(steps.querySelector('[aria-current="step"]')?.textContent).toContain('Контекст');
    fireEvent.click(screen.getByRole('button', { name: 'Далее' }));
    expect(steps.querySelector('[aria-current="step"]')?.textContent).toContain('Уровень участия');
    expect(screen.getByRole('radio', { name: /Исследования/ })).toBeTruthy();
  });

  it('does not send a draft with a non-numeric indicator value and opens the step with the problem', () => {
    renderEditor({
      ...EMPTY_PRACTICE,
      title: 'Практика',
      indicators: [{ ...emptyIndicator(), tier: 'OUTPUT', name: 'Интервью', unit: 'шт.', value: 'много' }],
    });
    saveDraft();
    const value = screen.getByLabelText(/^Стало \(достигнутое значение\), показатель 1/);
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('practice-indicators-0-value-error')?.textContent).toMatch(/Введите число/);
    expect(
      screen.getByRole('navigation', { name: 'Шаги' }).querySelector('[aria-current="step"]')?.textContent,
    ).toContain('Результаты');
  });

  it("shows the server's userErrors at their fields, array indices included, and a stale version as a conflict", async () => {
    renderEditor(
      {
        ...EMPTY_PRACTICE,
        groupId: GROUP.id,
        title: 'Практика',
        indicators: [
          { ...emptyIndicator(), tier: 'OUTPUT', name: 'Интервью', unit: 'шт.', value: '64' },
          { ...emptyIndicator(), tier: 'OUTCOME', name: 'Решения', unit: 'шт.', value: '7' },
        ],
      },
      [
        {
          request: { query: UpdatePracticeDocument, variables: () => true },
          result: {
            data: {
              updatePractice: {
                __typename: 'PracticePayload',
                practice: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    code: 'BAD_USER_INPUT',
                    message: 'Не длиннее 50 символов',
                    field: ['input', 'content', 'indicators', '1', 'unit'],
                  },
                  {
                    __typename: 'UserError',
                    code: 'CONFLICT',
                    message: 'Практику уже изменили',
                    field: ['input', 'version'],
                  },
                ],
              },
            },
          },
        },
      ],
    );
    saveDraft();
    await waitFor(() =>
      expect(document.getElementById('practice-indicators-1-unit-error')?.textContent).toContain(
        'Не длиннее 50 символов',
      ),
    );
    expect(screen.getByLabelText(/^Единица, показатель 2/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Единица, показатель 1/).hasAttribute('aria-invalid')).toBe(false);
    expect(screen.getByRole('button', { name: 'Загрузить актуальную версию' })).toBeTruthy();
    expect(document.body.textContent).toContain('Практику изменили, пока вы её редактировали');
  });
});
