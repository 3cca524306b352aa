import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FeedbackMethodsQuery } from '../../../gql/graphql';
import { FieldShell, SelectField, TextField } from '../../../app/ui/form-fields';
import { ErrorState, LoadingState } from '../../../app/ui/states';
import { appendEdges, useLoadMore } from '../../../app/apollo/use-load-more';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { PracticeResults } from '../components/practice-results';
import { useCanWritePractices } from '../components/practice-sections';
import { FeedbackMethodsDocument, PracticesDocument } from '../graphql/practices';
import { METHOD_CATEGORIES, PARTICIPATION_LEVELS } from '../practice-model';
import {
  effectiveSort,
  listVariables,
  ORGANISATION_KINDS,
  readListParams,
  SORTS,
  writeListParams,
  type PracticeListParams,
} from '../practice-list-params';

const PAGE_SIZE = 20;

export function PracticesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('practices.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readListParams(searchParams);
  const canWrite = useCanWritePractices();
  const methods = useQuery(FeedbackMethodsDocument, { fetchPolicy: 'cache-first' });
  const { data, loading, error, refetch, fetchMore } = useQuery(PracticesDocument, {
    variables: { ...listVariables(params), first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.practices;
  const { loadingMore, moreError, loadMore } = useLoadMore(() =>
    connection?.pageInfo.endCursor
      ? fetchMore({
          variables: { after: connection.pageInfo.endCursor },
          updateQuery: (previous, { fetchMoreResult }) => ({
            practices: appendEdges(previous.practices, fetchMoreResult.practices),
          }),
        })
      : undefined,
  );
  const filtered = writeListParams(params).toString() !== '';

  function apply(next: PracticeListParams) {
    setSearchParams(writeListParams(next));
  }

  return (
    <div className="page">
      <header className="page__header page__header--with-actions">
        <div>
          <h1>{t('practices.title')}</h1>
          <p className="lead">{t('practices.lead')}</p>
        </div>
        {canWrite && (
          <Link className="button button--primary" to="/practices/new">
            {t('practices.new')}
          </Link>
        )}
      </header>

      <SearchForm params={params} methods={methods.data?.feedbackMethods ?? []} onApply={apply} />
      {filtered && (
        <p>
          <Link to="/practices">{t('practices.filter.reset')}</Link>
        </p>
      )}

      <section aria-labelledby="results-title" aria-busy={loading} className="practice-results">
        <h2 id="results-title" className="visually-hidden">
          {t('practices.title')}
        </h2>
        <p role="status" className="result-count">
          {connection ? t('practices.resultCount', { count: connection.totalCount }) : ''}
          {connection && connection.edges.length < connection.totalCount ? (
            <span className="muted">
              {' · '}
              {t('practices.shownCount', { shown: connection.edges.length, total: connection.totalCount })}
            </span>
          ) : null}
        </p>
        {loading && !data && <LoadingState label={t('practices.loading')} />}
        {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
        {connection && (
          <PracticeResults
            items={connection.edges}
            hasNextPage={connection.pageInfo.hasNextPage}
            loadingMore={loadingMore}
            onLoadMore={loadMore}
            emptyText={filtered ? t('practices.empty') : t('practices.emptyAll')}
          />
        )}
        {moreError ? <ErrorState error={moreError} /> : null}
      </section>
    </div>
  );
}

type Method = FeedbackMethodsQuery['feedbackMethods'][number];

function SearchForm({
  params,
  methods,
  onApply,
}: {
  params: PracticeListParams;
  methods: readonly Method[];
  onApply: (params: PracticeListParams) => void;
}) {
  const { t } = useTranslation();
  // Typed text is applied on submit; a choice in a list is applied at once (with the typed text).
  const [q, setQ] = useState(params.q);
  const [tag, setTag] = useState(params.tag);
  // A new address (Back, a tag link, the reset link) replaces what was typed; the form keeps focus.
  const [shown, setShown] = useState({ q: params.q, tag: params.tag });
  if (shown.q !== params.q || shown.tag !== params.tag) {
    setShown({ q: params.q, tag: params.tag });
    setQ(params.q);
    setTag(params.tag);
  }
  const current = { ...params, q, tag };
  const choose = (patch: Partial<PracticeListParams>) => onApply({ ...current, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(current);
  };
  const sort = effectiveSort(params);

  return (
    <form role="search" className="practice-search" onSubmit={submit} aria-label={t('practices.searchLabel')}>
      <div className="practice-search__query">
        <TextField
          id="practice-search-q"
          type="search"
          label={t('practices.searchLabel')}
          hint={t('practices.searchHint')}
          maxLength={200}
          value={q}
          onValueChange={setQ}
        />
        <button type="submit" className="button button--primary">
          {t('practices.searchSubmit')}
        </button>
      </div>
      <fieldset className="practice-search__filters">
        <legend className="field__label">{t('practices.filtersTitle')}</legend>
        <SelectField
          id="practice-filter-level"
          label={t('practices.filter.level')}
          value={params.level}
          options={[
            { value: '', label: t('practices.filter.anyLevel') },
            ...PARTICIPATION_LEVELS.map((level, index) => ({
              value: level,
              label: `${index + 1}. ${t(`practice.level.${level}`)}`,
            })),
          ]}
          onValueChange={(value) => choose({ level: value as PracticeListParams['level'] })}
        />
        <FieldShell id="practice-filter-method" label={t('practices.filter.method')}>
          {(control) => (
            <select
              className="input input--select"
              {...control}
              value={params.method}
              onChange={(event) => choose({ method: event.target.value })}
            >
              <option value="">{t('practices.filter.anyMethod')}</option>
              {METHOD_CATEGORIES.map((category) => (
                <optgroup key={category} label={t(`practice.methodCategory.${category}`)}>
                  {methods
                    .filter((method) => method.category === category)
                    .map((method) => (
                      <option key={method.key} value={method.key}>
                        {method.title}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </FieldShell>
        <SelectField
          id="practice-filter-loop"
          label={t('practices.filter.loop')}
          value={params.loop}
          options={[
            { value: '', label: t('practices.filter.anyLoop') },
            { value: 'yes', label: t('practices.filter.loopYes') },
            { value: 'no', label: t('practices.filter.loopNo') },
          ]}
          onValueChange={(value) => choose({ loop: value as PracticeListParams['loop'] })}
        />
        <SelectField
          id="practice-filter-kind"
          label={t('practices.filter.kind')}
          value={params.kind}
          options={[
            { value: '', label: t('practices.filter.anyKind') },
            ...ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKind.${kind}`) })),
          ]}
          onValueChange={(value) => choose({ kind: value as PracticeListParams['kind'] })}
        />
        <div className="practice-search__tag">
          <TextField
            id="practice-filter-tag"
            label={t('practices.filter.tag')}
            maxLength={40}
            value={tag}
            onValueChange={setTag}
          />
          <button type="submit" className="button button--secondary">
            {t('practices.filter.apply')}
          </button>
        </div>
      </fieldset>
      <div className="practice-search__sort">
        <SelectField
          id="practice-sort"
          label={t('practices.sortLabel')}
          hint={t('practices.sortNote')}
          value={sort}
          options={SORTS.filter((option) => option !== 'RELEVANCE' || params.q.trim()).map((option) => ({
            value: option,
            label: t(`practices.sort.${option}`),
          }))}
          onValueChange={(value) => choose({ sort: value as PracticeListParams['sort'] })}
        />
      </div>
    </form>
  );
}
