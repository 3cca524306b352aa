import type { RubricCriterion, RubricScoresInput } from '../../gql/graphql';

/** The rubric in its order: the API's scores field and the criterion enum for each. */
export const RUBRIC = [
  { key: 'relevance', criterion: 'RELEVANCE' },
  { key: 'depth', criterion: 'DEPTH' },
  { key: 'loopClosure', criterion: 'LOOP_CLOSURE' },
  { key: 'evidence', criterion: 'EVIDENCE' },
  { key: 'replicability', criterion: 'REPLICABILITY' },
] as const satisfies ReadonlyArray<{ key: keyof RubricScoresInput; criterion: RubricCriterion }>;

export type ScoreKey = (typeof RUBRIC)[number]['key'];
export const SCORE_KEYS: readonly ScoreKey[] = RUBRIC.map((item) => item.key);
export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;

/** Mirrors the API (review.validators.ts): 200 characters to submit, at most 20,000, after trimming. */
export const REVIEW_LIMITS = { minBody: 200, maxBody: 20_000, minResponse: 10, maxResponse: 10_000 } as const;

export const criterionKey = (criterion: RubricCriterion): ScoreKey =>
  RUBRIC.find((item) => item.criterion === criterion)?.key ?? 'relevance';

/** What the review form holds; a score is null until chosen. */
export interface ReviewFormValues {
  scores: Record<ScoreKey, number | null>;
  confidence: number | null;
  body: string;
}

export const EMPTY_REVIEW: ReviewFormValues = {
  scores: { relevance: null, depth: null, loopClosure: null, evidence: null, replicability: null },
  confidence: null,
  body: '',
};

export function reviewFormValues(review: {
  scores: Record<ScoreKey, number | null>;
  confidence: number | null;
  body: string;
}): ReviewFormValues {
  const scores = { ...EMPTY_REVIEW.scores };
  for (const key of SCORE_KEYS) scores[key] = review.scores[key];
  return { scores, confidence: review.confidence, body: review.body };
}

/** The characters the API counts: the text is trimmed before it is measured. */
export const reviewLength = (body: string) => body.trim().length;

export type ReviewValidationKey =
  | 'reviews.validation.score'
  | 'reviews.validation.confidence'
  | 'reviews.validation.bodyTooShort'
  | 'validation.tooLong';

export interface ReviewProblem {
  key: ReviewValidationKey;
  min?: number;
  max?: number;
}

/** Field keys are the API's paths under `input`: "scores.relevance", "confidence", "body". */
export type ReviewErrors = Record<string, ReviewProblem>;

/**
 * A draft may be incomplete; submitting needs every score, the confidence and at least 200 characters.
 * A submitted review stays complete when revised, so its revisions are checked as submissions.
 */
export function validateReviewForm(values: ReviewFormValues, mode: 'draft' | 'submit'): ReviewErrors {
  const errors: ReviewErrors = {};
  const length = reviewLength(values.body);
  if (mode === 'submit') {
    for (const key of SCORE_KEYS) {
      if (values.scores[key] === null) errors[`scores.${key}`] = { key: 'reviews.validation.score' };
    }
    if (values.confidence === null) errors.confidence = { key: 'reviews.validation.confidence' };
  }
  if (length > REVIEW_LIMITS.maxBody) errors.body = { key: 'validation.tooLong', max: REVIEW_LIMITS.maxBody };
  else if (mode === 'submit' && length < REVIEW_LIMITS.minBody) {
    errors.body = { key: 'reviews.validation.bodyTooShort', min: REVIEW_LIMITS.minBody };
  }
  return errors;
}

/** The form's field key for an API error path such as ["input", "scores", "depth"]. */
export function reviewFieldKey(path: readonly string[]): string | null {
  const rest = path[0] === 'input' ? path.slice(1) : path;
  const key = rest.join('.');
  if (key === 'confidence' || key === 'body') return key;
  if (rest[0] === 'scores' && SCORE_KEYS.includes(rest[1] as ScoreKey)) return key;
  return null;
}

/** Only the given scores are sent, so a draft does not clear what it does not mention. */
export function scoresInput(values: ReviewFormValues): RubricScoresInput {
  const input: RubricScoresInput = {};
  for (const key of SCORE_KEYS) {
    const value = values.scores[key];
    if (value !== null) input[key] = value;
  }
  return input;
}

/** A mean to one decimal, or null without reviews. */
export const roundedMean = (mean: number | null) => (mean === null ? null : Math.round(mean * 10) / 10);
