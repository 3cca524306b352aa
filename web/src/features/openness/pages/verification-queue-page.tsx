import { useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireSignIn } from '../../../app/auth/require-sign-in';
import { useSession } from '../../../app/session/session-context';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { VerificationItem, type DecidedDisclosure } from '../components/verification-item';
import { DisclosureVerificationQueueDocument } from '../graphql/openness';

const PAGE_SIZE = 20;

/** /openness/verification — claimed disclosures the viewer may verify or reject (moderators, organisation ADMINs). */
export function VerificationQueuePage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('verification.title')}>
      <Verification />
    </RequireSignIn>
  );
}

function Verification() {
  const { t } = useTranslation();
  const { hasPlatformRole, memberships, loading } = useSession();
  useDocumentTitle(t('verification.title'));
  const mayVerify =
    hasPlatformRole('MODERATOR') || hasPlatformRole('PLATFORM_ADMIN') || memberships.some((m) => m.role === 'ADMIN');
  if (loading) return <LoadingState />;
  if (!mayVerify) {
    return (
      <div className="page page--narrow">
        <h1>{t('verification.title')}</h1>
        <p>{t('verification.forbidden')}</p>
      </div>
    );
  }
  return <VerificationQueue />;
}

function VerificationQueue() {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(DisclosureVerificationQueueDocument, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const connection = data?.disclosureVerificationQueue;

  function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    fetchMore({
      variables: { after: connection.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        const seen = new Set(previous.disclosureVerificationQueue.edges.map((edge) => edge.node.id));
        return {
          disclosureVerificationQueue: {
            ...fetchMoreResult.disclosureVerificationQueue,
            edges: [
              ...previous.disclosureVerificationQueue.edges,
              ...fetchMoreResult.disclosureVerificationQueue.edges.filter((edge) => !seen.has(edge.node.id)),
            ],
          },
        };
      },
    })
      .catch(() => undefined)
      .finally(() => setLoadingMore(false));
  }

  function decided({ outcome, criterion, organisation }: DecidedDisclosure) {
    setMessage(
      t(outcome === 'VERIFIED' ? 'verification.verified' : 'verification.rejected', { criterion, organisation }),
    );
    // The decided item leaves the queue: focus moves to the message saying what happened.
    statusRef.current?.focus();
    void refetch();
  }

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t('verification.title')}</h1>
        <p className="lead">{t('verification.lead')}</p>
      </header>
      <p role="status" className="form-status" ref={statusRef} tabIndex={-1}>
        {message}
      </p>
      <section aria-labelledby="verification-queue-title" className="panel" aria-busy={loading}>
        <div className="panel__header">
          <h2 id="verification-queue-title">{t('verification.queueTitle')}</h2>
          {connection && <span className="muted">{t('verification.total', { count: connection.totalCount })}</span>}
        </div>
        {loading && !data && <LoadingState />}
        {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
        {connection &&
          (connection.edges.length === 0 ? (
            <EmptyState>{t('verification.empty')}</EmptyState>
          ) : (
            <ol className="verification-list">
              {connection.edges.map(({ node }) => (
                <li key={node.id}>
                  <VerificationItem
                    disclosure={node}
                    onDecided={decided}
                    onRefresh={() => {
                      setMessage('');
                      void refetch();
                    }}
                  />
                </li>
              ))}
            </ol>
          ))}
        {connection?.pageInfo.hasNextPage && (
          <p className="button-row">
            <button type="button" className="button button--secondary" disabled={loadingMore} onClick={loadMore}>
              {loadingMore ? t('verification.loadingMore') : t('verification.loadMore')}
            </button>
          </p>
        )}
      </section>
    </div>
  );
}
