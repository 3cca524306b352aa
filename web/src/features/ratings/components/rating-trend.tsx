import { useQuery } from '@apollo/client/react';
import { lazy, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import type { RatingHistoryQuery } from '../../../gql/graphql';
import { RatingHistoryDocument } from '../graphql/ratings';
import { summariseTrend } from '../rating-charts';
import { useRatingFormatters } from '../use-rating-formatters';
import { ChartFrame } from './chart-frame';

// recharts is fetched with the first chart, not with the page.
const RatingTrendChart = lazy(() =>
  import('./rating-chart-pictures').then((module) => ({ default: module.RatingTrendChart })),
);

type HistoryPoint = NonNullable<RatingHistoryQuery['organisation']>['ratingHistory'][number];

const CHART_HEIGHT = 180;

/** An organisation's composite over the recorded snapshots, among its kind or within a thematic group. */
export function RatingTrend({
  slug,
  name,
  groupId,
  scope,
}: {
  slug: string;
  name: string;
  /** Within this thematic group; among the organisation's kind without it. */
  groupId?: string;
  /** The comparison in words: «среди организаций типа «НКО»». */
  scope: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const { data, loading, error, refetch } = useQuery(RatingHistoryDocument, {
    variables: { slug, ...(groupId ? { groupId } : {}) },
    fetchPolicy: 'cache-and-network',
  });
  const history = data?.organisation?.ratingHistory;
  return (
    <div className="rating-trend" aria-busy={loading}>
      <h3 id={titleId} className="rating-details__title">
        {t('ratings.trend.title')}
      </h3>
      {loading && !data && <LoadingState />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {history && <TrendFigure history={history} caption={t('ratings.trend.caption', { name, scope })} />}
    </div>
  );
}

/**
 * The line, and the same in words: the figure's caption gives the dates, the range and the latest
 * composite; a table lists every snapshot with its rank. Without snapshots, a sentence instead.
 */
export function TrendFigure({ history, caption }: { history: readonly HistoryPoint[]; caption: string }) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormatters();
  const { formatScore, formatMonth } = useRatingFormatters();
  const summary = summariseTrend(history);
  const captionId = useId();
  if (!summary) return <EmptyState>{t('ratings.trend.empty')}</EmptyState>;
  const dots = history.map((point) => ({ label: formatMonth(point.takenAt), composite: point.composite }));
  return (
    <>
      <figure className="rating-chart" aria-labelledby={captionId}>
        <ChartFrame height={CHART_HEIGHT}>
          <RatingTrendChart dots={dots} formatScore={formatScore} />
        </ChartFrame>
        <figcaption id={captionId} className="rating-chart__caption">
          {t('ratings.trend.summary', {
            count: summary.count,
            from: formatDate(summary.first.takenAt),
            to: formatDate(summary.last.takenAt),
            min: formatScore(summary.min),
            max: formatScore(summary.max),
            last: formatScore(summary.last.score),
          })}
        </figcaption>
      </figure>
      <details className="disclosure rating-chart__details">
        <summary>{t('ratings.trend.details')}</summary>
        <div className="table-wrap">
          <table className="table rating-chart__table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ratings.trend.date')}</th>
                <th scope="col">{t('ratings.trend.composite')}</th>
                <th scope="col">{t('ratings.trend.rank')}</th>
                <th scope="col">{t('ratings.trend.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((point, index) => (
                <tr key={`${point.takenAt}-${index}`}>
                  <th scope="row">
                    <time dateTime={point.takenAt}>{formatDateTime(point.takenAt)}</time>
                  </th>
                  <td>{formatScore(point.composite)}</td>
                  <td>
                    {point.enoughData && point.rank !== null ? (
                      point.rank
                    ) : (
                      <span className="muted">{t('ratings.notEnoughData')}</span>
                    )}
                  </td>
                  <td>{t(`ratings.snapshotReason.${point.reason}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
