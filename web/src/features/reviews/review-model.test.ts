import { describe, expect, it } from 'vitest';
import { EMPTY_REVIEW, reviewFieldKey, scoresInput, validateReviewForm, type ReviewFormValues } from './review-model';

const complete: ReviewFormValues = {
  scores: { relevance: 4, depth: 3, loopClosure: 5, evidence: 2, replicability: 4 },
  confidence: 3,
  body: 'а'.repeat(200),
};

describe('validateReviewForm', () => {
  it('accepts a complete review for submission', () => {
    expect(validateReviewForm(complete, 'submit')).toEqual({});
  });

  it('asks for all five scores and the confidence to submit', () => {
    const errors = validateReviewForm(
      { ...complete, scores: { ...complete.scores, depth: null, evidence: null }, confidence: null },
      'submit',
    );
    expect(Object.keys(errors).sort()).toEqual(['confidence', 'scores.depth', 'scores.evidence']);
    expect(errors['scores.depth']).toEqual({ key: 'reviews.validation.score' });
    expect(errors.confidence).toEqual({ key: 'reviews.validation.confidence' });
  });

  it('counts 200 characters after trimming, like the API', () => {
    const short = { ...complete, body: `  ${'б'.repeat(199)}   ` };
    expect(validateReviewForm(short, 'submit').body).toEqual({ key: 'reviews.validation.bodyTooShort', min: 200 });
    expect(validateReviewForm({ ...complete, body: 'б'.repeat(200) }, 'submit').body).toBeUndefined();
  });

  it('lets a draft be incomplete but not too long', () => {
    expect(validateReviewForm(EMPTY_REVIEW, 'draft')).toEqual({});
    expect(validateReviewForm({ ...EMPTY_REVIEW, body: 'в'.repeat(20_001) }, 'draft').body).toEqual({
      key: 'validation.tooLong',
      max: 20_000,
    });
  });
});

describe('review field keys', () => {
  it('maps API error paths to form fields', () => {
    expect(reviewFieldKey(['input', 'scores', 'loopClosure'])).toBe('scores.loopClosure');
    expect(reviewFieldKey(['input', 'body'])).toBe('body');
    expect(reviewFieldKey(['input', 'practiceId'])).toBeNull();
  });

  it('sends only the chosen scores', () => {
    expect(scoresInput({ ...EMPTY_REVIEW, scores: { ...EMPTY_REVIEW.scores, depth: 2 } })).toEqual({ depth: 2 });
  });
});
