import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RatingsQuery } from '../../../gql/graphql';
import { RATING_COMPONENTS } from '../rating-breakdown';
import { useRatingFormatters } from '../use-rating-formatters';
import { HowToImprove } from './how-to-improve';
import { RatingBar } from './rating-bar';
import { RatingBreakdownTable } from './rating-breakdown-table';
import { RatingTrend } from './rating-trend';

type RatingItem = RatingsQuery['ratings']['edges'][number]['node'];

const COLUMN_COUNT = 4 + RATING_COMPONENTS.length;

/** Where a row's trend comes from: the thematic group compared, or (without it) the organisation's kind. */
export interface TrendScope {
  groupId?: string;
  /** In words, for the trend's table: «в группе «Детство»». */
  label: string;
}

/** The leaderboard: one row per organisation; each row opens its breakdown, how to improve and the trend. */
export function RatingsTable({
  items,
  caption,
  trendScope,
}: {
  items: readonly RatingItem[];
  caption: string;
  trendScope: TrendScope;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table ratings-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ratings.columns.rank')}</th>
            <th scope="col">{t('ratings.columns.organisation')}</th>
            <th scope="col">{t('ratings.columns.composite')}</th>
            {RATING_COMPONENTS.map((key) => (
              <th scope="col" key={key}>
                {t(`ratings.components.${key}`)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('ratings.columns.details')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <RatingRow key={item.organisation.id} item={item} trendScope={trendScope} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RatingRow({ item, trendScope }: { item: RatingItem; trendScope: TrendScope }) {
  const { t } = useTranslation();
  const { formatScore, formatComponent } = useRatingFormatters();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const { organisation } = item;
  return (
    <>
      <tr className={open ? 'ratings-table__row ratings-table__row--open' : 'ratings-table__row'}>
        <td className="ratings-table__rank">
          {item.enoughData && item.rank !== null ? (
            item.rank
          ) : (
            <span className="muted">{t('ratings.notEnoughData')}</span>
          )}
        </td>
        <th scope="row">
          <Link to={`/organisations/${organisation.slug}`}>{organisation.name}</Link>
          <span className="ratings-table__meta muted">{organisation.region}</span>
        </th>
        <td className="ratings-table__composite">{formatScore(item.composite)}</td>
        {RATING_COMPONENTS.map((key) => (
          <td key={key}>
            <RatingBar score={item[key].score} text={formatComponent(key, item[key])} />
          </td>
        ))}
        <td>
          <button
            type="button"
            className="button button--link"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((value) => !value)}
          >
            {t('ratings.breakdown.toggle')}
            <span className="visually-hidden">: {organisation.name}</span>
          </button>
        </td>
      </tr>
      <tr id={detailsId} className="ratings-table__details" hidden={!open}>
        <td colSpan={COLUMN_COUNT}>
          {open && (
            <div className="rating-details">
              <RatingBreakdownTable rating={item} name={organisation.name} />
              <HowToImprove tips={item.howToImprove} />
              <RatingTrend
                slug={organisation.slug}
                name={organisation.name}
                groupId={trendScope.groupId}
                scope={trendScope.label}
              />
            </div>
          )}
        </td>
      </tr>
    </>
  );
}
