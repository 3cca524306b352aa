import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrganisationRatingDocument } from '../graphql/ratings';
import { RATING_COMPONENTS } from '../rating-breakdown';
import { ratingsPagePath } from '../rating-params';
import { useRatingFormatters } from '../use-rating-formatters';
import { HowToImprove } from './how-to-improve';
import { RatingBar } from './rating-bar';
import { RatingBreakdownTable } from './rating-breakdown-table';
import { RatingTrend } from './rating-trend';

/** On an organisation's profile: its rating among organisations of its kind, how to improve it, its trend and the breakdown. */
export function OrganisationRatingCard({ slug, name }: { slug: string; name: string }) {
  const { t } = useTranslation();
  const { formatScore, formatComponent } = useRatingFormatters();
  const [open, setOpen] = useState(false);
  const { data } = useQuery(OrganisationRatingDocument, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const organisation = data?.organisation;
  if (!organisation) return null;
  const { rating, kind } = organisation;
  const kindLabel = t(`organisationKind.${kind}`);
  return (
    <section aria-labelledby="rating-card-title" className="panel rating-card">
      <h2 id="rating-card-title">{t('ratings.card.title')}</h2>
      <p className="rating-card__line">
        <span className="rating-card__score">
          {t('ratings.card.composite', { score: formatScore(rating.composite) })}
        </span>
        <span>
          {rating.enoughData && rating.rank !== null
            ? t('ratings.card.rank', { rank: rating.rank, kind: kindLabel })
            : t('ratings.card.notEnoughData')}
        </span>
      </p>
      <ul className="rating-card__components">
        {RATING_COMPONENTS.map((key) => (
          <li key={key}>
            <RatingBar
              label={t(`ratings.components.${key}`)}
              score={rating[key].score}
              text={formatComponent(key, rating[key])}
            />
          </li>
        ))}
      </ul>
      <div className="rating-details">
        <HowToImprove tips={rating.howToImprove} />
        <RatingTrend slug={slug} name={name} scope={t('ratings.trend.scopeKind', { kind: kindLabel })} />
      </div>
      <p>
        <button
          type="button"
          className="button button--link"
          aria-expanded={open}
          aria-controls="rating-card-breakdown"
          onClick={() => setOpen((value) => !value)}
        >
          {t('ratings.breakdown.toggle')}
        </button>
      </p>
      <div id="rating-card-breakdown" hidden={!open}>
        {open && <RatingBreakdownTable rating={rating} name={name} />}
      </div>
      <p>
        <Link to={ratingsPagePath(kind)}>{t('ratings.card.more', { kind: kindLabel })}</Link>
      </p>
    </section>
  );
}
