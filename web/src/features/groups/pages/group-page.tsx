import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { NotFoundContent } from '../../../app/routing/not-found-page';
import { GroupPracticesSection } from '../../practices/components/practice-sections';
import { GroupMembershipActions } from '../components/group-membership-actions';
import { PendingMemberships } from '../components/pending-memberships';
import { ThematicGroupDocument } from '../graphql/groups';

export function GroupPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ThematicGroupDocument, {
    variables: { slug },
    fetchPolicy: 'cache-and-network',
  });
  const group = data?.thematicGroup;
  useDocumentTitle(group?.title ?? (loading ? t('common.loading') : undefined));

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!group) return <NotFoundContent />;

  const members = group.activeMemberships.edges.map((e) => e.node);
  return (
    <article className="page" aria-labelledby="group-title">
      <nav aria-label={t('common.breadcrumbs')} className="breadcrumbs">
        <Link to="/">{t('home.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{group.title}</span>
      </nav>
      <header className="page__header">
        <h1 id="group-title">{group.title}</h1>
        <p className="card__meta">
          <span className="tag">{t(`groups.joinPolicy.${group.joinPolicy}`)}</span>
          <span>{t('groups.activeMemberCount', { count: group.activeMemberCount })}</span>
        </p>
      </header>
      <p className="lead">{group.description}</p>
      <GroupMembershipActions
        group={group}
        refetchQueries={[{ query: ThematicGroupDocument, variables: { slug: group.slug } }]}
      />

      <GroupPracticesSection group={group} />

      <section aria-labelledby="members-title" className="panel">
        <h2 id="members-title">{t('groupPage.membersTitle')}</h2>
        {members.length === 0 ? (
          <EmptyState>{t('groupPage.membersEmpty')}</EmptyState>
        ) : (
          <ul className="stack-list">
            {members.map((membership) => (
              <li key={membership.id} className="stack-list__item">
                <div className="stack-list__main">
                  <Link to={`/organisations/${membership.organisation.slug}`} className="stack-list__title">
                    {membership.organisation.name}
                  </Link>
                  <span className="muted">
                    {t(`organisationKind.${membership.organisation.kind}`)} · {membership.organisation.region}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {group.viewerCanModerate && <PendingMemberships slug={group.slug} />}
    </article>
  );
}
