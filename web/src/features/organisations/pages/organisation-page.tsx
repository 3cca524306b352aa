import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundContent } from '../../../app/routing/not-found-page';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { OrganisationProfileDocument } from '../graphql/organisations';
import { OrganisationPracticesSection, useCanWritePractices } from '../../practices/components/practice-sections';
import { useSession } from '../../../app/session/session-context';
import { OpennessSummary } from '../../openness/components/openness-summary';
import { OrganisationRatingCard } from '../../ratings/components/organisation-rating-card';

export function OrganisationPage() {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const { slug = '' } = useParams();
  const { activeMembership } = useSession();
  const canWritePractices = useCanWritePractices();
  const { data, loading, error, refetch } = useQuery(OrganisationProfileDocument, {
    variables: { slug },
    fetchPolicy: 'cache-and-network',
  });
  const organisation = data?.organisation;
  useDocumentTitle(organisation?.name ?? (loading ? t('common.loading') : undefined));

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!organisation) return <NotFoundContent />;

  const groups = organisation.groupMemberships.edges.map((e) => e.node).filter((m) => m.status === 'ACTIVE');
  return (
    <article className="page" aria-labelledby="organisation-title">
      <header className="page__header">
        <p className="eyebrow">{t(`organisationKind.${organisation.kind}`)}</p>
        <h1 id="organisation-title">{organisation.name}</h1>
        {organisation.viewerRole && (
          <p>
            <span className="tag">{t('organisation.yourRole', { role: t(`role.${organisation.viewerRole}`) })}</span>{' '}
            <Link to="/my/organisation">{t('organisation.manage')}</Link>
          </p>
        )}
      </header>
      {organisation.description && <p className="lead">{organisation.description}</p>}

      <OpennessSummary slug={organisation.slug} />
      <OrganisationRatingCard slug={organisation.slug} name={organisation.name} />

      <OrganisationPracticesSection
        slug={organisation.slug}
        status="PUBLISHED"
        headingId="organisation-practices-title"
        title={t('practices.organisationSection')}
        emptyText={t('practices.organisationEmpty')}
      />
      {/* Drafts are listed for the organisation the viewer acts for (the API scopes them so). */}
      {activeMembership?.organisation.id === organisation.id && (
        <OrganisationPracticesSection
          slug={organisation.slug}
          status="DRAFT"
          headingId="organisation-drafts-title"
          title={t('practices.draftsSection')}
          emptyText={t('practices.draftsEmpty')}
          note={t('practices.draftsNote')}
          withNewButton={canWritePractices}
        />
      )}

      <section aria-labelledby="details-title" className="panel">
        <h2 id="details-title">{t('organisation.detailsTitle')}</h2>
        <dl className="details">
          <dt>{t('organisation.fields.region')}</dt>
          <dd>{organisation.region}</dd>
          <dt>{t('organisation.fields.website')}</dt>
          <dd>
            {organisation.website ? (
              <a href={organisation.website} rel="noopener noreferrer">
                {organisation.website}
              </a>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('organisation.fields.inn')}</dt>
          <dd>{organisation.inn ?? '—'}</dd>
          <dt>{t('organisation.fields.ogrn')}</dt>
          <dd>{organisation.ogrn ?? '—'}</dd>
          <dt>{t('organisation.onPlatformSince')}</dt>
          <dd>{formatDate(organisation.createdAt)}</dd>
        </dl>
      </section>

      <section aria-labelledby="org-groups-title" className="panel">
        <h2 id="org-groups-title">{t('organisation.groupsTitle')}</h2>
        {groups.length === 0 ? (
          <EmptyState>{t('organisation.groupsEmpty')}</EmptyState>
        ) : (
          <ul className="stack-list">
            {groups.map((membership) => (
              <li key={membership.id} className="stack-list__item">
                <Link to={`/groups/${membership.group.slug}`} className="stack-list__title">
                  {membership.group.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
