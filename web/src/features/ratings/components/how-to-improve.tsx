import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** What would raise the rating most, as the API words it in the reader's language. */
export function HowToImprove({ tips }: { tips: readonly string[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="rating-improve">
      <h3 id={titleId} className="rating-details__title">
        {t('ratings.improve.title')}
      </h3>
      {tips.length === 0 ? (
        <p className="muted">{t('ratings.improve.empty')}</p>
      ) : (
        <ul className="rating-improve__list" aria-labelledby={titleId}>
          {tips.map((tip, index) => (
            <li key={index}>{tip}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
