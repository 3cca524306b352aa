import { InputErrors } from '../../common/errors/domain-error.js';
import type { RubricScoresInput } from './dto/review.input.js';

export const CRITERIA = ['relevance', 'depth', 'loopClosure', 'evidence', 'replicability'] as const;
export const MIN_REVIEW_LENGTH = 200;
export const MAX_REVIEW_LENGTH = 20_000;

export interface ReviewDraft {
  relevance?: number | null;
  depth?: number | null;
  loopClosure?: number | null;
  evidence?: number | null;
  replicability?: number | null;
  confidence?: number | null;
  body: string;
}

/** Applies given fields over the current ones. */
export function mergeReview(
  current: ReviewDraft,
  input: { scores?: RubricScoresInput | null; confidence?: number | null; body?: string | null },
): ReviewDraft {
  const next: ReviewDraft = { ...current };
  for (const key of CRITERIA) {
    const value = input.scores?.[key];
    if (value !== undefined) next[key] = value;
  }
  if (input.confidence !== undefined) next.confidence = input.confidence;
  if (input.body !== undefined) next.body = input.body?.trim() ?? '';
  return next;
}

const inRange = (value: number | null | undefined) =>
  value === null || value === undefined || (Number.isInteger(value) && value >= 1 && value <= 5);

/** Scores 1–5 and a bounded text; when submitting, every score, the confidence and a real text. */
export function validateReview(draft: ReviewDraft, submitting: boolean, errors: InputErrors): void {
  const outOfRange = { ru: 'Оценка — целое число от 1 до 5', en: 'A score is a whole number from 1 to 5' };
  for (const key of CRITERIA) {
    if (!inRange(draft[key])) errors.add(['input', 'scores', key], outOfRange);
    else if (submitting && (draft[key] === null || draft[key] === undefined)) {
      errors.add(['input', 'scores', key], { ru: 'Поставьте оценку от 1 до 5', en: 'Give a score from 1 to 5' });
    }
  }
  if (!inRange(draft.confidence)) errors.add(['input', 'confidence'], outOfRange);
  else if (submitting && (draft.confidence === null || draft.confidence === undefined)) {
    errors.add(['input', 'confidence'], {
      ru: 'Укажите уверенность от 1 до 5',
      en: 'Give your confidence from 1 to 5',
    });
  }
  if (draft.body.length > MAX_REVIEW_LENGTH) {
    errors.add(['input', 'body'], {
      ru: `Не длиннее ${MAX_REVIEW_LENGTH} символов`,
      en: `At most ${MAX_REVIEW_LENGTH} characters`,
    });
  } else if (submitting && draft.body.length < MIN_REVIEW_LENGTH) {
    errors.add(['input', 'body'], {
      ru: `Рецензия — не короче ${MIN_REVIEW_LENGTH} символов: объясните оценки`,
      en: `A review is at least ${MIN_REVIEW_LENGTH} characters: explain the scores`,
    });
  }
}
