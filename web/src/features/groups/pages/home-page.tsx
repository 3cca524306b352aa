import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { GroupMembershipActions } from '../components/group-membership-actions';
import { ThematicGroupsDocument } from '../graphql/groups';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const { data, loading, error, refetch } = useQuery(ThematicGroupsDocument, { fetchPolicy: 'cache-and-network' });
  const groups = data?.thematicGroups.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="hero__lead">{t('home.lead')}</p>
      </section>

      <section aria-labelledby="groups-title" aria-busy={loading}>
        <h2 id="groups-title">{t('groups.listTitle')}</h2>
        {loading && !data && <LoadingState label={t('groups.loading')} />}
        {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
        {data && groups.length === 0 && <EmptyState>{t('groups.empty')}</EmptyState>}
        {groups.length > 0 && (
          <ul className="card-grid">
            {groups.map((group) => (
              <li key={group.id} className="card" data-group-slug={group.slug}>
                <h3 className="card__title">
                  <Link to={`/groups/${group.slug}`}>{group.title}</Link>
                </h3>
                <p className="card__meta">
                  <span className="tag">{t(`groups.joinPolicy.${group.joinPolicy}`)}</span>
                  <span>{t('groups.activeMemberCount', { count: group.activeMemberCount })}</span>
                </p>
                <p className="card__text">{group.description}</p>
                <GroupMembershipActions group={group} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
