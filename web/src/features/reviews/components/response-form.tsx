import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../app/ui/form-fields';
import { splitUserErrors } from '../../../app/ui/user-errors';
import { PracticeReviewsDocument, RespondToReviewDocument } from '../graphql/reviews';
import { REVIEW_LIMITS } from '../review-model';
import { InlineAlert } from '../../../app/ui/inline-alert';

/** The practice owner's one response to a review. */
export function ResponseForm({ reviewId, onSaved }: { reviewId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [respond, { loading }] = useMutation(RespondToReviewDocument, {
    refetchQueries: [PracticeReviewsDocument],
    awaitRefetchQueries: true,
  });
  const id = `response-${reviewId.replace(/[^A-Za-z0-9_-]/g, '')}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const length = body.trim().length;
    setFormErrors([]);
    if (length < REVIEW_LIMITS.minResponse || length > REVIEW_LIMITS.maxResponse) {
      setError(t('reviews.response.length', { min: REVIEW_LIMITS.minResponse, max: REVIEW_LIMITS.maxResponse }));
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    try {
      const payload = (await respond({ variables: { input: { reviewId, body: body.trim() } } })).data?.respondToReview;
      if (!payload) return;
      if (payload.userErrors.length > 0) {
        const split = splitUserErrors(payload.userErrors, ['body']);
        setError(split.fieldErrors.body ?? null);
        setFormErrors(split.formErrors);
        return;
      }
      onSaved();
    } catch (caught) {
      setFormErrors([caught instanceof Error ? caught.message : t('errors.network')]);
    }
  }

  return (
    <form className="response-form" aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void submit(event)}>
      <h4 id={`${id}-title`}>{t('reviews.response.formTitle')}</h4>
      <p className="notice">{t('reviews.response.once')}</p>
      <TextAreaField
        id={id}
        label={t('reviews.response.body')}
        hint={`${t('reviews.response.hint', { min: REVIEW_LIMITS.minResponse })} ${t('practice.editor.markdownHint')}`}
        required
        rows={5}
        value={body}
        error={error}
        onValueChange={setBody}
      />
      <InlineAlert messages={formErrors} />
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? t('reviews.form.sending') : t('reviews.response.submit')}
      </button>
    </form>
  );
}
