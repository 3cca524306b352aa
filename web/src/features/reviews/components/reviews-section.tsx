import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth/auth-context';
import { ErrorState, LoadingState } from '../../../app/ui/states';
import { PracticeReviewsDocument } from '../graphql/reviews';
import { ReviewCard } from './review-card';
import { ReviewForm, type ReviewSaved } from './review-form';
import { ReviewSummaryView } from './review-summary';

/** «Рецензии» on a practice page: the summary, the reviews with their responses, and the review form. */
export function ReviewsSection({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation();
  const { isSignedIn } = useAuth();
  const { data, loading, error, refetch } = useQuery(PracticeReviewsDocument, {
    variables: { id: practiceId },
    fetchPolicy: 'cache-and-network',
  });
  const [writing, setWriting] = useState(false);
  const [message, setMessage] = useState('');
  const [focusReviewId, setFocusReviewId] = useState<string | null>(null);
  const practice = data?.practice;

  // A new review moves focus to where it now is in the list; saving an existing one keeps focus.
  function saved({ outcome, reviewId }: ReviewSaved, isNew: boolean) {
    if (isNew) {
      setWriting(false);
      setFocusReviewId(reviewId);
    } else if (outcome !== 'draft') {
      setFocusReviewId(reviewId);
    }
    setMessage(t(`reviews.saved.${outcome}`));
  }

  return (
    <section aria-labelledby="section-reviews" className="panel practice__section reviews" aria-busy={loading}>
      <div className="panel__header">
        <h2 id="section-reviews">{t('reviews.title')}</h2>
        {practice?.viewerCanReview && !writing && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setMessage('');
              setFocusReviewId(null);
              setWriting(true);
            }}
          >
            {t('reviews.write')}
          </button>
        )}
      </div>
      <p role="status" className="form-status">
        {message}
      </p>
      {loading && !data && <LoadingState label={t('reviews.loading')} />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {practice && (
        <>
          <ReviewSummaryView summary={practice.reviewSummary} />
          {writing && practice.viewerCanReview && (
            <div id="review-new-form" className="review-form-wrap">
              <ReviewForm
                headingLevel={3}
                target={{ kind: 'new', practiceId: practice.id, revisionNumber: practice.revisionNumber }}
                autoFocus
                onSaved={(result) => saved(result, true)}
                onCancel={() => setWriting(false)}
              />
            </div>
          )}
          {practice.status === 'PUBLISHED' && !practice.viewerCanReview && !isSignedIn && (
            <p className="muted">{t('reviews.whoReviews')}</p>
          )}
          {practice.reviews.length > 0 && (
            <ol className="review-list">
              {practice.reviews.map((review) => (
                <li key={review.id}>
                  <ReviewCard
                    review={review}
                    currentRevision={practice.revisionNumber}
                    focusOnMount={focusReviewId === review.id}
                    onSaved={(result) => saved(result, false)}
                    onResponded={() => setMessage(t('reviews.saved.responded'))}
                  />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
