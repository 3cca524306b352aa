import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireSignIn } from '../../../app/auth/require-sign-in';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { useSession } from '../../../app/session/session-context';
import { SelectField } from '../../../app/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { appendEdges, useLoadMore } from '../../../app/apollo/use-load-more';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { AuditEventsDocument } from '../graphql/activity';
import { AUDIT_ACTIONS, isKnownAction, isKnownObjectType, isKnownSummaryKey, summaryPairs } from '../audit-actions';

const PAGE_SIZE = 50;

export function ActivityPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('activity.title')}>
      <Activity />
    </RequireSignIn>
  );
}

/** The action in words, or its code when the dashboard does not know it yet. */
export function useActionLabel() {
  const { t } = useTranslation();
  return (action: string) => (isKnownAction(action) ? t(`activity.actions.${action}`) : action);
}

function Activity() {
  const { t } = useTranslation();
  const { activeMembership, hasPlatformRole, loading: sessionLoading } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const action = searchParams.get('action') ?? '';
  const actionLabel = useActionLabel();
  const mayRead = activeMembership?.role === 'ADMIN' || hasPlatformRole('PLATFORM_ADMIN');
  useDocumentTitle(t('activity.title'));
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditEventsDocument, {
    variables: { action: action || null, first: PAGE_SIZE },
    skip: !mayRead,
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.auditEvents;
  const { loadingMore, moreError, loadMore } = useLoadMore(() =>
    connection?.pageInfo.endCursor
      ? fetchMore({
          variables: { after: connection.pageInfo.endCursor },
          updateQuery: (previous, { fetchMoreResult }) => ({
            auditEvents: appendEdges(previous.auditEvents, fetchMoreResult.auditEvents),
          }),
        })
      : undefined,
  );

  if (sessionLoading) return <LoadingState />;

  const options = [
    { value: '', label: t('activity.allActions') },
    ...AUDIT_ACTIONS.map((code) => ({ value: code, label: actionLabel(code) })),
    ...(action && !isKnownAction(action) ? [{ value: action, label: action }] : []),
  ];

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumbs')} className="breadcrumbs">
        <Link to="/my/organisation">{t('myOrganisation.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('activity.title')}</span>
      </nav>
      <header className="page__header">
        <h1>{t('activity.title')}</h1>
        <p className="lead">
          {hasPlatformRole('PLATFORM_ADMIN')
            ? t('activity.leadPlatform')
            : t('activity.lead', { organisation: activeMembership?.organisation.name ?? '' })}
        </p>
      </header>
      {!mayRead ? (
        <p className="notice">{t('activity.forbidden')}</p>
      ) : (
        <section aria-labelledby="activity-list-title" className="panel" aria-busy={loading}>
          <h2 id="activity-list-title" className="visually-hidden">
            {t('activity.listTitle')}
          </h2>
          <div className="activity-filter">
            <SelectField
              id="activity-action"
              label={t('activity.filter')}
              value={action}
              options={options}
              onValueChange={(value) => setSearchParams(value ? { action: value } : {})}
            />
          </div>
          {loading && !data && <LoadingState />}
          {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
          {connection &&
            (connection.edges.length === 0 ? (
              <EmptyState>{action ? t('activity.emptyFiltered') : t('activity.empty')}</EmptyState>
            ) : (
              <>
                <p className="muted" role="status">
                  {t('activity.shown', { shown: connection.edges.length, total: connection.totalCount })}
                </p>
                <ActivityTable edges={connection.edges} />
              </>
            ))}
          {connection?.pageInfo.hasNextPage && (
            <p className="button-row">
              <button type="button" className="button button--secondary" disabled={loadingMore} onClick={loadMore}>
                {loadingMore ? t('comments.loadingMore') : t('comments.loadMore')}
              </button>
            </p>
          )}
          {moreError !== null && <ErrorState error={moreError} onRetry={loadMore} />}
        </section>
      )}
    </div>
  );
}

function ActivityTable({
  edges,
}: {
  edges: ReadonlyArray<{
    cursor: string;
    node: {
      id: string;
      action: string;
      actorName: string;
      createdAt: string;
      objectType: string;
      summary: Record<string, unknown>;
    };
  }>;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const actionLabel = useActionLabel();
  return (
    <div className="table-wrap">
      <table className="table activity-table" aria-labelledby="activity-list-title">
        <thead>
          <tr>
            <th scope="col">{t('activity.columns.time')}</th>
            <th scope="col">{t('activity.columns.actor')}</th>
            <th scope="col">{t('activity.columns.action')}</th>
            <th scope="col">{t('activity.columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node }) => {
            const pairs = summaryPairs(node.summary);
            return (
              <tr key={node.id} data-action={node.action}>
                <td>
                  <time dateTime={node.createdAt}>{formatDateTime(node.createdAt)}</time>
                </td>
                <td>{node.actorName}</td>
                <td>
                  {actionLabel(node.action)}
                  {isKnownAction(node.action) && <code className="activity-code">{node.action}</code>}
                </td>
                <td>
                  <span>
                    {isKnownObjectType(node.objectType) ? t(`activity.objects.${node.objectType}`) : node.objectType}
                  </span>
                  {pairs.length > 0 && (
                    <span className="activity-summary">
                      {pairs.map(([key, value]) => (
                        <span key={key}>
                          {isKnownSummaryKey(key) ? t(`activity.summaryKeys.${key}`) : key}: {value}
                        </span>
                      ))}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
