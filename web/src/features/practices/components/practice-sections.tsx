import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupMembershipStatus, PracticeStatus } from '../../../gql/graphql';
import { useSession } from '../../../app/session/session-context';
import { ErrorState, LoadingState } from '../../../app/ui/states';
import { OrganisationPracticesDocument, PracticesDocument } from '../graphql/practices';
import { PracticeResults } from './practice-results';

const PAGE_SIZE = 10;

/** Runs fetchMore and reports whether it is running; errors are shown by the caller. */
function useLoadMore() {
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = (fetch: () => Promise<unknown>) => {
    setLoadingMore(true);
    setError(null);
    fetch()
      .catch((caught: unknown) => setError(caught))
      .finally(() => setLoadingMore(false));
  };
  return { loadingMore, error, run };
}

/** Whether the viewer may start a practice for the active organisation (EDITOR or ADMIN). */
export function useCanWritePractices(): boolean {
  const { hasActiveRole } = useSession();
  return hasActiveRole('EDITOR', 'ADMIN');
}

/** «Практики» on a group page: its published practices, newest first. */
export function GroupPracticesSection({
  group,
}: {
  group: { id: string; slug: string; viewerMembership: { status: GroupMembershipStatus } | null };
}) {
  const { t } = useTranslation();
  const canWrite = useCanWritePractices();
  const { data, loading, error, refetch, fetchMore } = useQuery(PracticesDocument, {
    variables: { filter: { groupId: group.id }, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const more = useLoadMore();
  const connection = data?.practices;
  return (
    <section aria-labelledby="group-practices-title" className="panel" aria-busy={loading}>
      <div className="panel__header">
        <h2 id="group-practices-title">{t('practices.groupSection')}</h2>
        {canWrite && group.viewerMembership?.status === 'ACTIVE' && (
          <Link className="button button--primary" to={`/practices/new?group=${encodeURIComponent(group.slug)}`}>
            {t('practices.new')}
          </Link>
        )}
      </div>
      {loading && !data && <LoadingState label={t('practices.loading')} />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {connection && (
        <>
          <p className="muted">{t('practices.resultCount', { count: connection.totalCount })}</p>
          <PracticeResults
            items={connection.edges}
            hasNextPage={connection.pageInfo.hasNextPage}
            loadingMore={more.loadingMore}
            showGroup={false}
            emptyText={t('practices.groupEmpty')}
            onLoadMore={() =>
              more.run(() =>
                fetchMore({
                  variables: { after: connection.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    practices: {
                      ...fetchMoreResult.practices,
                      edges: [...previous.practices.edges, ...fetchMoreResult.practices.edges],
                    },
                  }),
                }),
              )
            }
          />
          {more.error ? <ErrorState error={more.error} /> : null}
        </>
      )}
      <p>
        <Link to="/practices">{t('practices.all')}</Link>
      </p>
    </section>
  );
}

/** An organisation's practices of one status (drafts only for its own members, the API decides). */
export function OrganisationPracticesSection({
  slug,
  status,
  title,
  emptyText,
  note,
  headingId,
  withNewButton = false,
}: {
  slug: string;
  status: PracticeStatus;
  title: string;
  emptyText: string;
  note?: string;
  headingId: string;
  withNewButton?: boolean;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(OrganisationPracticesDocument, {
    variables: { slug, status, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const more = useLoadMore();
  const connection = data?.organisation?.practices;
  return (
    <section aria-labelledby={headingId} className="panel" aria-busy={loading} data-practice-status={status}>
      <div className="panel__header">
        <h2 id={headingId}>{title}</h2>
        {withNewButton && (
          <Link className="button button--primary" to="/practices/new">
            {t('practices.new')}
          </Link>
        )}
      </div>
      {note && <p className="muted">{note}</p>}
      {loading && !data && <LoadingState label={t('practices.loading')} />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {connection && (
        <>
          <PracticeResults
            items={connection.edges}
            hasNextPage={connection.pageInfo.hasNextPage}
            loadingMore={more.loadingMore}
            showOrganisation={false}
            emptyText={emptyText}
            onLoadMore={() =>
              more.run(() =>
                fetchMore({
                  variables: { after: connection.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => {
                    if (!previous.organisation || !fetchMoreResult.organisation) return previous;
                    return {
                      organisation: {
                        ...fetchMoreResult.organisation,
                        practices: {
                          ...fetchMoreResult.organisation.practices,
                          edges: [
                            ...previous.organisation.practices.edges,
                            ...fetchMoreResult.organisation.practices.edges,
                          ],
                        },
                      },
                    };
                  },
                }),
              )
            }
          />
          {more.error ? <ErrorState error={more.error} /> : null}
        </>
      )}
    </section>
  );
}
