import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters';
import type { ReviewSummaryFieldsFragment } from '../../../gql/graphql';
import { criterionKey } from '../review-model';

/** Mean per criterion and overall, each with the number of reviews it rests on: «4,2 (5 рецензий)». */
export function ReviewSummaryView({ summary }: { summary: ReviewSummaryFieldsFragment }) {
  const { t } = useTranslation();
  const { formatMean } = useFormatters();
  if (summary.count === 0) return <p className="muted">{t('reviews.summary.none')}</p>;
  const meanText = (mean: number | null, count: number) =>
    mean === null
      ? t('reviews.summary.noMean')
      : t('reviews.summary.meanWithCount', { mean: formatMean(mean), reviews: t('reviews.count', { count }) });
  return (
    <div className="review-summary" data-review-count={summary.count}>
      <p className="review-summary__overall">
        <span>{t('reviews.summary.overall')}: </span>
        <strong data-mean={summary.overall.mean ?? ''}>{meanText(summary.overall.mean, summary.overall.count)}</strong>
      </p>
      <dl className="review-summary__criteria" aria-label={t('reviews.summary.byCriterion')}>
        {summary.criteria.map((item) => (
          <div key={item.criterion} className="review-summary__row">
            <dt>{t(`reviews.criteria.${criterionKey(item.criterion)}.name`)}</dt>
            <dd>
              <span className="score-bar" aria-hidden="true">
                <span className="score-bar__fill" style={{ width: `${((item.mean ?? 0) / 5) * 100}%` }} />
              </span>
              {meanText(item.mean, item.count)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
