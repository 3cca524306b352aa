import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../app/i18n/use-formatters';
import type { ReviewFieldsFragment } from '../../../gql/graphql';
import { CommentThread } from '../../comments/components/comment-thread';
import { MarkdownView } from '../../practices/components/markdown-view';
import { ReviewForm, type ReviewSaved } from './review-form';
import { ResponseForm } from './response-form';
import { ReviewScores } from './review-scores';

interface Props {
  review: ReviewFieldsFragment;
  /** The practice's current revision number. */
  currentRevision: number;
  /** Focus the review's heading when it appears (after its draft was created). */
  focusOnMount: boolean;
  onSaved: (saved: ReviewSaved) => void;
  onResponded: () => void;
}

export function ReviewCard({ review, currentRevision, focusOnMount, onSaved, onResponded }: Props) {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isDraft = review.status === 'DRAFT';
  // A submitted review can be revised only until the author responds.
  const canRevise = review.viewerCanEdit && !review.response;
  const [editing, setEditing] = useState(isDraft && review.viewerCanEdit);
  const headingId = `review-${review.id.replace(/[^A-Za-z0-9_-]/g, '')}-heading`;
  const earlier = review.editions.slice(1);

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  return (
    <article className="review" aria-labelledby={headingId} data-review-id={review.id} data-status={review.status}>
      <header className="review__header">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('reviews.card.title', { organisation: review.organisation.name })}
        </h3>
        <p className="card__meta">
          {isDraft && (
            <span className="badge badge--pending" data-status="DRAFT">
              {t('reviews.card.draft')}
            </span>
          )}
          <span>{review.reviewerName}</span>
          <Link to={`/organisations/${review.organisation.slug}`}>{review.organisation.name}</Link>
          <span className="tag" data-revision={review.revisionNumber}>
            {t('reviews.card.ofRevision', { number: review.revisionNumber })}
          </span>
          <span>
            {isDraft
              ? t('reviews.card.updatedOn', { date: formatDate(review.updatedAt) })
              : t('reviews.card.submittedOn', { date: formatDate(review.submittedAt) })}
          </span>
          {review.edition > 1 && <span>{t('reviews.card.edition', { number: review.edition })}</span>}
        </p>
      </header>
      {review.revisionNumber < currentRevision && (
        <p className="notice notice--info">
          {t('reviews.card.newerRevision', { number: review.revisionNumber, current: currentRevision })}{' '}
          <a href="#history-title">{t('reviews.card.whatChanged')}</a>
        </p>
      )}
      {isDraft && <p className="muted">{t('reviews.card.draftNote')}</p>}

      {editing ? (
        <ReviewForm
          headingLevel={4}
          target={{ kind: 'edit', review }}
          onSaved={(saved) => {
            if (saved.outcome !== 'draft') setEditing(false);
            onSaved(saved);
          }}
          onCancel={() => {
            setEditing(false);
            headingRef.current?.focus();
          }}
        />
      ) : (
        <>
          <ReviewScores scores={review.scores} confidence={review.confidence} />
          {review.body.trim() ? (
            <MarkdownView source={review.body} className="review__body" />
          ) : (
            <p className="muted">{t('reviews.card.noText')}</p>
          )}
          {review.viewerCanEdit &&
            (canRevise ? (
              <p className="button-row">
                <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                  {isDraft ? t('reviews.card.continueDraft') : t('reviews.card.revise')}
                </button>
                {!isDraft && <span className="muted">{t('reviews.card.reviseHint')}</span>}
              </p>
            ) : (
              <p className="muted">{t('reviews.card.locked')}</p>
            ))}
        </>
      )}

      {earlier.length > 0 && (
        <details className="disclosure">
          <summary>{t('reviews.card.earlierEditions', { count: earlier.length })}</summary>
          <ol className="edition-list" reversed>
            {earlier.map((edition) => (
              <li key={edition.number}>
                <p className="card__meta">
                  {t('reviews.card.editionOf', { number: edition.number, date: formatDate(edition.createdAt) })}
                </p>
                <ReviewScores scores={edition.scores} confidence={edition.confidence} />
                <MarkdownView source={edition.body} />
              </li>
            ))}
          </ol>
        </details>
      )}

      {review.response ? (
        <section className="review-response" aria-labelledby={`${headingId}-response`}>
          <h4 id={`${headingId}-response`}>{t('reviews.response.title')}</h4>
          <p className="card__meta">
            <span>{review.response.authorName}</span>
            <span>{formatDate(review.response.createdAt)}</span>
          </p>
          <MarkdownView source={review.response.body} />
        </section>
      ) : (
        review.viewerCanRespond && <ResponseForm reviewId={review.id} onSaved={onResponded} />
      )}

      {!isDraft && (
        <CommentThread
          target={{ kind: 'review', id: review.id }}
          headingLevel={4}
          title={t('comments.reviewTitle')}
          canPost
        />
      )}
    </article>
  );
}
