import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import { CreateReviewDocument } from '../graphql/reviews';
import { ReviewForm } from './review-form';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

const PRACTICE_ID = 'UHJhY3RpY2U6MQ==';
const CRITERIA = [
  'Актуальность',
  'Глубина вовлечения',
  'Возвращение обратной связи',
  'Подтверждённость результатов',
  'Тиражируемость',
];

type Mocks = React.ComponentProps<typeof MockedProvider>['mocks'];

function renderForm(mocks: Mocks = [], onSaved = vi.fn()) {
  render(
    <MockedProvider mocks={mocks}>
      <ReviewForm
        headingLevel={3}
        target={{ kind: 'new', practiceId: PRACTICE_ID, revisionNumber: 2 }}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </MockedProvider>,
  );
  return onSaved;
}

const group = (name: string) => screen.getByRole('group', { name: new RegExp(`^${name}`) });
const body = () => screen.getByLabelText(/^Текст рецензии/);
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Отправить' }));

function scoreAll(score: string) {
  for (const name of [...CRITERIA, 'Уверенность рецензента']) {
    fireEvent.click(within(group(name)).getByRole('radio', { name: score }));
  }
}

describe('ReviewForm', () => {
  it('offers the five criteria and the confidence as 1–5 radio groups with guidance', () => {
    renderForm();
    for (const name of CRITERIA) {
      const fieldset = group(name);
      expect(
        within(fieldset)
          .getAllByRole('radio')
          .map((radio) => radio.getAttribute('value')),
      ).toEqual(['1', '2', '3', '4', '5']);
      expect(fieldset.textContent).toMatch(/Оценка 1.*Оценка 3.*Оценка 5/);
    }
    expect(group('Уверенность рецензента')).toBeTruthy();
    expect(screen.getByText(/Вы рецензируете редакцию №2/)).toBeTruthy();
  });

  it('does not submit without every score, the confidence and 200 characters', () => {
    const onSaved = renderForm();
    submit();
    const alert = screen.getByRole('alert');
    for (const name of [...CRITERIA, 'Уверенность рецензента', 'Текст рецензии']) {
      expect(alert.textContent).toContain(name);
    }
    expect(within(group('Актуальность')).getByRole('radio', { name: '1' }).getAttribute('aria-invalid')).toBe('true');
    expect(body().getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();

    scoreAll('4');
    fireEvent.change(body(), { target: { value: `  ${'а'.repeat(199)}  ` } });
    expect(screen.getByText('Символов: 199 из 200 — ещё 1.')).toBeTruthy();
    submit();
    expect(screen.getByRole('alert').textContent).not.toContain('Актуальность');
    expect(document.getElementById('review-new-body-error')?.textContent).toMatch(/не короче 200 символов/);
    expect(within(group('Актуальность')).getByRole('radio', { name: '1' }).hasAttribute('aria-invalid')).toBe(false);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('saves an incomplete draft with only what was given', async () => {
    const onSaved = renderForm([
      {
        request: {
          query: CreateReviewDocument,
          variables: { input: { practiceId: PRACTICE_ID, scores: { depth: 2 }, body: 'Начало' } },
        },
        result: { data: { createReview: { __typename: 'ReviewPayload', review: REVIEW, userErrors: [] } } },
      },
    ]);
    fireEvent.click(within(group('Глубина вовлечения')).getByRole('radio', { name: '2' }));
    fireEvent.change(body(), { target: { value: ' Начало ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить черновик' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ outcome: 'draft', reviewId: REVIEW.id }));
  });

  it("submits a complete review and shows the API's refusal", async () => {
    const text = 'б'.repeat(200);
    const scores = { relevance: 4, depth: 4, loopClosure: 4, evidence: 4, replicability: 4 };
    const onSaved = renderForm([
      {
        request: {
          query: CreateReviewDocument,
          variables: { input: { practiceId: PRACTICE_ID, scores, confidence: 3, body: text, submit: true } },
        },
        result: {
          data: {
            createReview: {
              __typename: 'ReviewPayload',
              review: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  code: 'CONFLICT',
                  message: 'Ваша организация уже рецензирует эту редакцию практики',
                  field: null,
                },
              ],
            },
          },
        },
      },
    ]);
    scoreAll('4');
    fireEvent.click(within(group('Уверенность рецензента')).getByRole('radio', { name: '3' }));
    fireEvent.change(body(), { target: { value: text } });
    expect(screen.getByText('Символов: 200 — минимум в 200 набран.')).toBeTruthy();
    submit();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('уже рецензирует'));
    expect(onSaved).not.toHaveBeenCalled();
  });
});

const SCORES = {
  __typename: 'RubricScores',
  relevance: null,
  depth: 2,
  loopClosure: null,
  evidence: null,
  replicability: null,
};
const REVIEW = {
  __typename: 'Review',
  id: 'UmV2aWV3OjE=',
  status: 'DRAFT',
  version: 1,
  edition: 0,
  revisionNumber: 2,
  reviewerName: 'Олег Волков',
  confidence: null,
  body: 'Начало',
  createdAt: '2026-01-10T10:00:00Z',
  submittedAt: null,
  updatedAt: '2026-01-10T10:00:00Z',
  viewerCanEdit: true,
  viewerCanRespond: false,
  organisation: { __typename: 'Organisation', id: 'T3JnOjI=', slug: 'tsentr-dobro', name: 'Центр «Добро»' },
  scores: SCORES,
  editions: [],
  response: null,
};
