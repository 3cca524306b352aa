import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { useSession } from '../../../app/session/session-context';
import { EmptyState, ErrorState } from '../../../app/ui/states';
import type { TakeRatingSnapshotMutation } from '../../../gql/graphql';
import { RatingSnapshotsDocument, TakeRatingSnapshotDocument } from '../graphql/ratings';

type Snapshot = NonNullable<TakeRatingSnapshotMutation['takeRatingSnapshot']['snapshot']>;

const RECENT = 5;
/** What a new snapshot changes on screen: the list of snapshots and any trend shown. */
const SNAPSHOT_READERS = new Set(['RatingSnapshots', 'RatingHistory']);

/** «Сделать срез» for platform admins; nothing for anyone else (the API refuses them as well). */
export function RatingSnapshotsPanel() {
  const { hasPlatformRole } = useSession();
  return hasPlatformRole('PLATFORM_ADMIN') ? <SnapshotsAdmin /> : null;
}

function SnapshotsAdmin() {
  const { t } = useTranslation();
  const { formatDateTime, formatNumber } = useFormatters();
  const recent = useQuery(RatingSnapshotsDocument, { variables: { last: RECENT }, fetchPolicy: 'cache-and-network' });
  const client = useApolloClient();
  const [take, { loading }] = useMutation(TakeRatingSnapshotDocument);
  const [taken, setTaken] = useState<Snapshot | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  async function takeSnapshot() {
    setTaken(null);
    setProblems([]);
    try {
      const payload = (await take()).data?.takeRatingSnapshot;
      if (!payload) return;
      if (payload.userErrors.length > 0) setProblems(payload.userErrors.map((error) => error.message));
      else if (payload.snapshot) {
        setTaken(payload.snapshot);
        // Only what reads snapshots; refetching the leaderboard would drop the pages shown. A failed
        // refresh leaves the old list on screen: the snapshot itself was recorded.
        void client
          .refetchQueries({ include: 'active', onQueryUpdated: (query) => SNAPSHOT_READERS.has(query.queryName ?? '') })
          .catch(() => undefined);
      } else setProblems([t('ratings.snapshots.notTaken')]);
    } catch (caught) {
      setProblems([caught instanceof Error ? caught.message : t('errors.network')]);
    }
  }

  const snapshots = recent.data?.ratingSnapshots;
  return (
    <section aria-labelledby="rating-snapshots-title" className="panel rating-snapshots">
      <h2 id="rating-snapshots-title">{t('ratings.snapshots.title')}</h2>
      <p>{t('ratings.snapshots.lead')}</p>
      <p className="button-row">
        <button type="button" className="button button--primary" disabled={loading} onClick={() => void takeSnapshot()}>
          {loading ? t('ratings.snapshots.taking') : t('ratings.snapshots.take')}
        </button>
      </p>
      <p role="status" className="form-status">
        {taken ? t('ratings.snapshots.taken', { count: taken.entries, date: formatDateTime(taken.takenAt) }) : ''}
      </p>
      {problems.length > 0 && (
        <div className="inline-alert" role="alert">
          <p>
            <strong>{t('ratings.snapshots.failed')}</strong>
          </p>
          {problems.map((message, index) => (
            <p key={index}>{message}</p>
          ))}
        </div>
      )}
      <h3 className="rating-details__title">{t('ratings.snapshots.recent')}</h3>
      {recent.error && !recent.data && <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />}
      {snapshots && snapshots.length === 0 && <EmptyState>{t('ratings.snapshots.none')}</EmptyState>}
      {snapshots && snapshots.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('ratings.snapshots.recent')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ratings.snapshots.date')}</th>
                <th scope="col">{t('ratings.snapshots.reason')}</th>
                <th scope="col">{t('ratings.snapshots.entries')}</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((snapshot) => (
                <tr key={snapshot.id}>
                  <th scope="row">
                    <time dateTime={snapshot.takenAt}>{formatDateTime(snapshot.takenAt)}</time>
                  </th>
                  <td>{t(`ratings.snapshotReason.${snapshot.reason}`)}</td>
                  <td>{formatNumber(snapshot.entries)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
