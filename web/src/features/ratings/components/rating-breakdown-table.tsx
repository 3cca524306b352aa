import { useTranslation } from 'react-i18next';
import { ratingBreakdown, type RatingValues } from '../rating-breakdown';
import { useRatingFormatters } from '../use-rating-formatters';

/** "Why this score": each component's score × weight = points, adding up to the composite. */
export function RatingBreakdownTable({ rating, name }: { rating: RatingValues; name: string }) {
  const { t } = useTranslation();
  const { formatScore, formatWeight, formatPoints, formatSample } = useRatingFormatters();
  const breakdown = ratingBreakdown(rating);
  return (
    <table className="table rating-breakdown">
      <caption>{t('ratings.breakdown.caption', { name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ratings.breakdown.component')}</th>
          <th scope="col">{t('ratings.breakdown.score')}</th>
          <th scope="col">{t('ratings.breakdown.weight')}</th>
          <th scope="col">{t('ratings.breakdown.points')}</th>
        </tr>
      </thead>
      <tbody>
        {breakdown.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{t(`ratings.components.${row.key}`)}</th>
            <td>
              {formatScore(row.score)}
              {row.score !== null && <span className="muted"> ({formatSample(row.key, row.sample)})</span>}
            </td>
            <td>{formatWeight(row.weight)}</td>
            <td className="rating-breakdown__points" data-testid={`points-${row.key}`}>
              {formatPoints(row.shownPoints)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            {t('ratings.breakdown.total')}
          </th>
          <td className="rating-breakdown__points" data-testid="points-total">
            {formatPoints(breakdown.shownComposite)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
