import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { RatingOptionsQuery } from '../../../gql/graphql';
import { FieldShell, TextField } from '../../../app/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { appendEdges, useLoadMore } from '../../../app/apollo/use-load-more';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { ORGANISATION_KINDS } from '../../practices/practice-list-params';
import { RatingDistributionSection } from '../components/rating-distribution';
import { RatingSnapshotsPanel } from '../components/rating-snapshots-panel';
import { RatingsTable, type TrendScope } from '../components/ratings-table';
import { RatingOptionsDocument, RatingsDocument } from '../graphql/ratings';
import { RATING_COMPONENTS } from '../rating-breakdown';
import {
  ratingsCsvUrl,
  ratingsVariables,
  readRatingParams,
  writeRatingParams,
  type RatingParams,
} from '../rating-params';
import { useRatingFormatters } from '../use-rating-formatters';

const PAGE_SIZE = 20;

type Group = RatingOptionsQuery['thematicGroups']['edges'][number]['node'];
type Parameters = RatingOptionsQuery['ratingParameters'];

export function RatingsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('ratings.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readRatingParams(searchParams);
  const options = useQuery(RatingOptionsDocument, { fetchPolicy: 'cache-first' });
  const { data, loading, error, refetch, fetchMore } = useQuery(RatingsDocument, {
    variables: { ...ratingsVariables(params), first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.ratings;
  const { loadingMore, moreError, loadMore } = useLoadMore(() =>
    connection?.pageInfo.endCursor
      ? fetchMore({
          variables: { after: connection.pageInfo.endCursor },
          updateQuery: (previous, { fetchMoreResult }) => ({
            ratings: appendEdges(previous.ratings, fetchMoreResult.ratings),
          }),
        })
      : undefined,
  );
  const groups = options.data?.thematicGroups.edges.map((edge) => edge.node) ?? [];
  const group = groups.find((candidate) => candidate.id === params.groupId);

  const scope = params.groupId
    ? t('ratings.scope.group', { title: group?.title ?? params.groupId })
    : t('ratings.scope.kind', { kind: t(`organisationKind.${params.kind || 'NGO'}`) });
  const caption = params.region ? t('ratings.scope.withRegion', { scope, region: params.region }) : scope;
  // Snapshots record ranks among a kind or within a group, not per region.
  const trendScope: TrendScope = params.groupId
    ? {
        groupId: params.groupId,
        label: t('ratings.trend.scopeGroup', { title: group?.title ?? params.groupId }),
      }
    : { label: t('ratings.trend.scopeKind', { kind: t(`organisationKind.${params.kind || 'NGO'}`) }) };

  return (
    <div className="page">
      <header className="page__header page__header--with-actions">
        <div>
          <h1>{t('ratings.title')}</h1>
          <p className="lead">{t('ratings.lead')}</p>
        </div>
        <a
          className="button button--secondary"
          href={ratingsCsvUrl(params, i18n.language === 'en' ? 'en' : 'ru')}
          download
        >
          {t('ratings.csv')}
        </a>
      </header>

      <ComparisonForm params={params} groups={groups} onApply={(next) => setSearchParams(writeRatingParams(next))} />

      <section aria-labelledby="ratings-results-title" aria-busy={loading} className="ratings-results">
        <h2 id="ratings-results-title" className="visually-hidden">
          {caption}
        </h2>
        <p role="status" className="result-count">
          {connection ? t('ratings.resultCount', { count: connection.totalCount }) : ''}
        </p>
        {loading && !data && <LoadingState />}
        {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
        {connection &&
          (connection.edges.length === 0 ? (
            <EmptyState>{t('ratings.empty')}</EmptyState>
          ) : (
            <RatingsTable
              items={connection.edges.map((edge) => edge.node)}
              caption={t('ratings.caption', { scope: caption })}
              trendScope={trendScope}
            />
          ))}
        {connection?.pageInfo.hasNextPage && (
          <p className="button-row">
            <button type="button" className="button button--secondary" disabled={loadingMore} onClick={loadMore}>
              {loadingMore ? t('ratings.loadingMore') : t('ratings.loadMore')}
            </button>
          </p>
        )}
        {moreError ? <ErrorState error={moreError} /> : null}
      </section>

      <RatingDistributionSection variables={ratingsVariables(params)} scope={caption} />

      {options.data && <FormulaSection parameters={options.data.ratingParameters} />}

      <RatingSnapshotsPanel />
    </div>
  );
}

function ComparisonForm({
  params,
  groups,
  onApply,
}: {
  params: RatingParams;
  groups: readonly Group[];
  onApply: (params: RatingParams) => void;
}) {
  const { t } = useTranslation();
  // The region is typed and applied on submit; the comparison is applied as soon as it is chosen.
  const [region, setRegion] = useState(params.region);
  const [shownRegion, setShownRegion] = useState(params.region);
  if (shownRegion !== params.region) {
    setShownRegion(params.region);
    setRegion(params.region);
  }
  const comparison = params.groupId ? `group:${params.groupId}` : `kind:${params.kind}`;
  const choose = (value: string) => {
    const [type, ...rest] = value.split(':');
    const id = rest.join(':');
    onApply(
      type === 'group' ? { groupId: id, kind: '', region } : { groupId: '', kind: id as RatingParams['kind'], region },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...params, region });
  };
  const unknownGroup = params.groupId && !groups.some((group) => group.id === params.groupId);

  return (
    <form className="ratings-filter" onSubmit={submit} aria-label={t('ratings.filter.label')}>
      <FieldShell
        id="ratings-comparison"
        label={t('ratings.filter.comparison')}
        hint={t('ratings.filter.comparisonHint')}
      >
        {(control) => (
          <select
            className="input input--select"
            {...control}
            value={comparison}
            onChange={(event) => choose(event.target.value)}
          >
            <optgroup label={t('ratings.filter.kinds')}>
              {ORGANISATION_KINDS.map((kind) => (
                <option key={kind} value={`kind:${kind}`}>
                  {t(`organisationKind.${kind}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('ratings.filter.groups')}>
              {unknownGroup && <option value={comparison}>{params.groupId}</option>}
              {groups.map((group) => (
                <option key={group.id} value={`group:${group.id}`}>
                  {group.title}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </FieldShell>
      <div className="ratings-filter__region">
        <TextField
          id="ratings-region"
          label={t('ratings.filter.region')}
          hint={t('ratings.filter.regionHint')}
          maxLength={200}
          value={region}
          onValueChange={setRegion}
        />
        <button type="submit" className="button button--secondary">
          {t('ratings.filter.apply')}
        </button>
      </div>
      {params.region && (
        <p>
          <Link to={`/ratings?${writeRatingParams({ ...params, region: '' }).toString()}`}>
            {t('ratings.filter.allRegions')}
          </Link>
        </p>
      )}
    </form>
  );
}

/** The formula with the published weights, so the ranks can be checked by hand. */
function FormulaSection({ parameters }: { parameters: Parameters }) {
  const { t } = useTranslation();
  const { formatWeight, formatScore } = useRatingFormatters();
  const weights = {
    openness: parameters.opennessWeight,
    practiceQuality: parameters.practiceQualityWeight,
    engagementDepth: parameters.engagementDepthWeight,
    contribution: parameters.contributionWeight,
  };
  return (
    <section aria-labelledby="ratings-formula-title" className="panel ratings-formula">
      <h2 id="ratings-formula-title">{t('ratings.formula.title')}</h2>
      <p>{t('ratings.formula.intro')}</p>
      <ul>
        {RATING_COMPONENTS.map((key) => (
          <li key={key}>
            <strong>
              {t('ratings.formula.weighted', {
                component: t(`ratings.components.${key}`),
                weight: formatWeight(weights[key]),
              })}
            </strong>{' '}
            {t(`ratings.formula.how.${key}`, { m: formatScore(parameters.priorReviews) })}
          </li>
        ))}
      </ul>
      <p>{t('ratings.formula.enough', { reviews: parameters.minReviews, practices: parameters.minPractices })}</p>
    </section>
  );
}
