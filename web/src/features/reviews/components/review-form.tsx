import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/ui/form-fields';
import { splitUserErrorsByPath, type UserErrorLike } from '../../../app/ui/user-errors';
import type { ReviewFieldsFragment } from '../../../gql/graphql';
import { CreateReviewDocument, PracticeReviewsDocument, UpdateReviewDocument } from '../graphql/reviews';
import {
  EMPTY_REVIEW,
  RUBRIC,
  reviewFieldKey,
  reviewFormValues,
  scoresInput,
  validateReviewForm,
  type ReviewErrors,
  type ReviewFormValues,
  type ScoreKey,
} from '../review-model';
import { ReviewBodyField } from './review-body-field';
import { ScoreField } from './score-field';

export type ReviewFormTarget =
  | { kind: 'new'; practiceId: string; revisionNumber: number }
  | {
      kind: 'edit';
      review: Pick<ReviewFieldsFragment, 'id' | 'status' | 'version' | 'scores' | 'confidence' | 'body'>;
    };

export type ReviewSaved = { outcome: 'draft' | 'submitted' | 'revised'; reviewId: string };

interface Props {
  target: ReviewFormTarget;
  /** The form's title sits under the reviews section (3) or under a review (4). */
  headingLevel: 3 | 4;
  /** Move focus to the form's title when it opens. */
  autoFocus?: boolean;
  onSaved: (saved: ReviewSaved) => void;
  onCancel: () => void;
}

/**
 * The rubric form: five criteria and the confidence as 1–5 radio groups with guidance, and the
 * text with a live count. A draft may be incomplete; «Отправить» checks what the API checks.
 */
export function ReviewForm({ target, headingLevel, autoFocus = false, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const submitted = target.kind === 'edit' && target.review.status === 'SUBMITTED';
  const idPrefix = target.kind === 'edit' ? `review-${target.review.id.replace(/[^A-Za-z0-9_-]/g, '')}` : 'review-new';
  const [values, setValues] = useState<ReviewFormValues>(() =>
    target.kind === 'edit' ? reviewFormValues(target.review) : EMPTY_REVIEW,
  );
  const [clientErrors, setClientErrors] = useState<ReviewErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) titleRef.current?.focus();
  }, [autoFocus]);
  const refetchQueries = [PracticeReviewsDocument];
  const [create, createState] = useMutation(CreateReviewDocument, { refetchQueries, awaitRefetchQueries: true });
  const [update, updateState] = useMutation(UpdateReviewDocument, { refetchQueries, awaitRefetchQueries: true });
  const busy = createState.loading || updateState.loading;

  const fieldId = (key: string) => `${idPrefix}-${key.replace('.', '-')}`;
  const fieldError = (key: string): string | null => {
    const problem = clientErrors[key];
    if (problem) return t(problem.key, { min: problem.min, max: problem.max });
    return serverErrors[key] ?? null;
  };
  const allFieldKeys = [...RUBRIC.map((item) => `scores.${item.key}`), 'confidence', 'body'];
  const fieldLabel = (key: string) =>
    key === 'confidence'
      ? t('reviews.confidence.name')
      : key === 'body'
        ? t('reviews.form.body')
        : t(`reviews.criteria.${key.replace('scores.', '') as ScoreKey}.name`);
  const fieldLinks = allFieldKeys.flatMap((key) => {
    const message = fieldError(key);
    return message ? [{ id: fieldId(key), message: `${fieldLabel(key)}: ${message}` }] : [];
  });

  function change(next: Partial<ReviewFormValues>) {
    setValues((current) => ({ ...current, ...next }));
  }

  function setScore(key: ScoreKey, score: number) {
    setValues((current) => ({ ...current, scores: { ...current.scores, [key]: score } }));
  }

  function showProblems() {
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  async function save(mode: 'draft' | 'submit', event?: FormEvent) {
    event?.preventDefault();
    const checkAs = submitted ? 'submit' : mode;
    const problems = validateReviewForm(values, checkAs);
    setClientErrors(problems);
    setServerErrors({});
    setFormErrors([]);
    setConflict(false);
    if (Object.keys(problems).length > 0) {
      showProblems();
      return;
    }
    // Only what was given is sent, so that saving a draft never clears what it does not mention.
    const common = {
      scores: scoresInput(values),
      ...(values.confidence !== null ? { confidence: values.confidence } : {}),
      body: values.body.trim(),
      ...(mode === 'submit' && !submitted ? { submit: true } : {}),
    };
    try {
      let userErrors: readonly UserErrorLike[] = [];
      let reviewId: string | null = null;
      if (target.kind === 'new') {
        const payload = (await create({ variables: { input: { practiceId: target.practiceId, ...common } } })).data
          ?.createReview;
        userErrors = payload?.userErrors ?? [];
        reviewId = payload?.review?.id ?? null;
      } else {
        const payload = (
          await update({
            variables: { input: { reviewId: target.review.id, version: target.review.version, ...common } },
          })
        ).data?.updateReview;
        userErrors = payload?.userErrors ?? [];
        reviewId = payload?.review?.id ?? null;
      }
      if (userErrors.length > 0 || !reviewId) {
        const split = splitUserErrorsByPath(userErrors, reviewFieldKey);
        setServerErrors(split.fieldErrors);
        setFormErrors(split.formErrors);
        setConflict(split.conflict);
        showProblems();
        return;
      }
      onSaved({ outcome: submitted ? 'revised' : mode === 'submit' ? 'submitted' : 'draft', reviewId });
    } catch (error) {
      setFormErrors([error instanceof Error ? error.message : t('errors.network')]);
      showProblems();
    }
  }

  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const hasProblems = formErrors.length > 0 || fieldLinks.length > 0 || conflict;
  return (
    <form
      className="review-form"
      aria-labelledby={`${idPrefix}-title`}
      noValidate
      onSubmit={(event) => void save('submit', event)}
    >
      <Heading id={`${idPrefix}-title`} ref={titleRef} tabIndex={-1} className="review-form__title">
        {target.kind === 'new'
          ? t('reviews.form.newTitle')
          : submitted
            ? t('reviews.form.reviseTitle')
            : t('reviews.form.draftTitle')}
      </Heading>
      {target.kind === 'new' && (
        <p className="notice">{t('reviews.form.newNote', { number: target.revisionNumber })}</p>
      )}
      {submitted && <p className="notice">{t('reviews.form.reviseNote')}</p>}
      <div ref={alertRef} tabIndex={-1} className="form-alert-anchor">
        {hasProblems && (
          <FormAlert
            messages={[...(conflict ? [t('reviews.form.conflict')] : []), ...formErrors]}
            fieldLinks={fieldLinks}
          />
        )}
      </div>
      {RUBRIC.map((item) => (
        <ScoreField
          key={item.key}
          id={fieldId(`scores.${item.key}`)}
          name={`${idPrefix}-${item.key}`}
          legend={t(`reviews.criteria.${item.key}.name`)}
          question={t(`reviews.criteria.${item.key}.question`)}
          guide={{
            1: t(`reviews.criteria.${item.key}.guide1`),
            3: t(`reviews.criteria.${item.key}.guide3`),
            5: t(`reviews.criteria.${item.key}.guide5`),
          }}
          value={values.scores[item.key]}
          error={fieldError(`scores.${item.key}`)}
          onValueChange={(score) => setScore(item.key, score)}
        />
      ))}
      <ScoreField
        id={fieldId('confidence')}
        name={`${idPrefix}-confidence`}
        legend={t('reviews.confidence.name')}
        question={t('reviews.confidence.question')}
        guide={{
          1: t('reviews.confidence.guide1'),
          3: t('reviews.confidence.guide3'),
          5: t('reviews.confidence.guide5'),
        }}
        value={values.confidence}
        error={fieldError('confidence')}
        onValueChange={(confidence) => change({ confidence })}
      />
      <ReviewBodyField
        id={fieldId('body')}
        value={values.body}
        error={fieldError('body')}
        onValueChange={(body) => change({ body })}
      />
      <div className="button-row">
        {!submitted && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void save('draft')}>
            {t('reviews.form.saveDraft')}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('reviews.form.sending') : submitted ? t('reviews.form.submitRevision') : t('reviews.form.submit')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
