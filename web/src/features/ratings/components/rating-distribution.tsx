import { useQuery } from '@apollo/client/react';
import { lazy, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { ErrorState, LoadingState } from '../../../app/ui/states';
import type { RatingDistributionQuery } from '../../../gql/graphql';
import { RatingDistributionDocument } from '../graphql/ratings';
import { busiestBin } from '../rating-charts';
import type { ratingsVariables } from '../rating-params';
import { useRatingFormatters } from '../use-rating-formatters';
import { ChartFrame } from './chart-frame';

// recharts is fetched with the first chart, not with the page.
const RatingDistributionChart = lazy(() =>
  import('./rating-chart-pictures').then((module) => ({ default: module.RatingDistributionChart })),
);

type Distribution = RatingDistributionQuery['ratingDistribution'];

const CHART_HEIGHT = 220;

/** The histogram of the compared organisations' composites, for the comparison chosen on the page. */
export function RatingDistributionSection({
  variables,
  scope,
}: {
  variables: ReturnType<typeof ratingsVariables>;
  /** The comparison in words: «тип организации: НКО, регион: Тула». */
  scope: string;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(RatingDistributionDocument, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  return (
    <section aria-labelledby="rating-distribution-title" aria-busy={loading} className="panel rating-distribution">
      <h2 id="rating-distribution-title">{t('ratings.distribution.title')}</h2>
      <p>{t('ratings.distribution.lead', { scope })}</p>
      {loading && !data && <LoadingState />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && <DistributionFigure distribution={data.ratingDistribution} scope={scope} />}
    </section>
  );
}

/**
 * The counts, the bars and the same numbers in words: the figure's caption names the busiest
 * range and a table lists every range, so nothing rests on the picture alone.
 */
export function DistributionFigure({ distribution, scope }: { distribution: Distribution; scope: string }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const { formatScore } = useRatingFormatters();
  const bars = distribution.bins.map((bin) => ({
    label: t('ratings.distribution.bin', { from: formatScore(bin.from), to: formatScore(bin.to) }),
    count: bin.count,
  }));
  const busiest = busiestBin(distribution.bins);
  const captionId = useId();
  return (
    <>
      <dl className="rating-distribution__counts">
        <div>
          <dt>{t('ratings.distribution.ranked')}</dt>
          <dd data-testid="distribution-ranked">{formatNumber(distribution.ranked)}</dd>
        </div>
        <div>
          <dt>{t('ratings.distribution.notEnoughData')}</dt>
          <dd data-testid="distribution-not-enough-data">{formatNumber(distribution.notEnoughData)}</dd>
        </div>
      </dl>
      {!busiest ? (
        <p className="muted">{t('ratings.distribution.summaryNone')}</p>
      ) : (
        <>
          <figure className="rating-chart" aria-labelledby={captionId}>
            <ChartFrame height={CHART_HEIGHT}>
              <RatingDistributionChart bars={bars} />
            </ChartFrame>
            <figcaption id={captionId} className="rating-chart__caption">
              {t('ratings.distribution.summary', {
                number: formatNumber(busiest.count),
                from: formatScore(busiest.from),
                to: formatScore(busiest.to),
              })}
            </figcaption>
          </figure>
          <details className="disclosure rating-chart__details">
            <summary>{t('ratings.distribution.details')}</summary>
            <div className="table-wrap">
              <table className="table rating-chart__table">
                <caption>{t('ratings.distribution.caption', { scope })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ratings.distribution.range')}</th>
                    <th scope="col">{t('ratings.distribution.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {bars.map((bar) => (
                    <tr key={bar.label}>
                      <th scope="row">{bar.label}</th>
                      <td>{formatNumber(bar.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </>
  );
}
