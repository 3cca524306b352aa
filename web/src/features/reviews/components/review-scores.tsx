import { useTranslation } from 'react-i18next';
import type { RubricScoresFieldsFragment } from '../../../gql/graphql';
import { RUBRIC } from '../review-model';

/** The five scores and the confidence of a review (or of one of its editions). */
export function ReviewScores({
  scores,
  confidence,
}: {
  scores: RubricScoresFieldsFragment;
  confidence: number | null;
}) {
  const { t } = useTranslation();
  const score = (value: number | null) =>
    value === null ? <span className="muted">{t('reviews.notScored')}</span> : t('reviews.scoreOf', { score: value });
  return (
    <dl className="review-scores">
      {RUBRIC.map((item) => (
        <div key={item.key} className="review-scores__item" data-criterion={item.criterion}>
          <dt>{t(`reviews.criteria.${item.key}.name`)}</dt>
          <dd>{score(scores[item.key])}</dd>
        </div>
      ))}
      <div className="review-scores__item review-scores__item--confidence">
        <dt>{t('reviews.confidence.name')}</dt>
        <dd>{score(confidence)}</dd>
      </div>
    </dl>
  );
}
