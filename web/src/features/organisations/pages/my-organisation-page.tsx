import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { resetApolloStore } from '../../../app/apollo/reset-store';
import { useAuth } from '../../../app/auth/auth-context';
import { RequireSignIn } from '../../../app/auth/require-sign-in';
import { useSession } from '../../../app/session/session-context';
import { ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { ApiClientsSection } from '../components/api-clients-section';
import { InvitationsSection } from '../components/invitations-section';
import { MembersSection } from '../components/members-section';
import { OrganisationForm } from '../components/organisation-form';
import { WebhooksSection } from '../components/webhooks-section';
import { MyOrganisationDocument, UpdateOrganisationDocument } from '../graphql/organisations';
import type { OrganisationFormValues } from '../organisation-validation';
import { OrganisationPracticesSection } from '../../practices/components/practice-sections';

export function MyOrganisationPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('myOrganisation.title')}>
      <MyOrganisation />
    </RequireSignIn>
  );
}

function orNull(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

function MyOrganisation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const session = useSession();
  const auth = useAuth();
  const { data, loading, error, refetch } = useQuery(MyOrganisationDocument, { fetchPolicy: 'cache-and-network' });
  const [updateOrganisation] = useMutation(UpdateOrganisationDocument);
  const organisation = data?.me?.activeOrganisation ?? null;
  useDocumentTitle(organisation ? `${t('myOrganisation.title')}: ${organisation.name}` : t('myOrganisation.title'));

  const initialValues = useMemo<OrganisationFormValues | null>(
    () =>
      organisation && {
        name: organisation.name,
        slug: organisation.slug,
        kind: organisation.kind,
        region: organisation.region,
        website: organisation.website ?? '',
        inn: organisation.inn ?? '',
        ogrn: organisation.ogrn ?? '',
        description: organisation.description ?? '',
      },
    [organisation],
  );

  if ((loading || session.loading) && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!organisation || !initialValues) {
    return (
      <div className="page page--narrow">
        <h1>{t('myOrganisation.title')}</h1>
        <p>{t('myOrganisation.noOrganisation')}</p>
        <Link className="button button--primary" to="/my/organisation/new">
          {t('register.title')}
        </Link>
      </div>
    );
  }

  const isAdmin = organisation.viewerRole === 'ADMIN';
  const members = organisation.members.edges.map((e) => e.node);

  return (
    <div className="page">
      <header className="page__header">
        <p className="eyebrow">{t('myOrganisation.title')}</p>
        <h1>{organisation.name}</h1>
        <p>
          {organisation.viewerRole && (
            <span className="tag">{t('organisation.yourRole', { role: t(`role.${organisation.viewerRole}`) })}</span>
          )}{' '}
          <Link to={`/organisations/${organisation.slug}`}>{t('myOrganisation.publicProfile')}</Link>
          {' · '}
          <Link to={`/organisations/${organisation.slug}/openness`}>{t('myOrganisation.openness')}</Link>
          {' · '}
          <Link to="/my/organisation/new">{t('myOrganisation.registerAnother')}</Link>
          {isAdmin && (
            <>
              {' · '}
              <Link to="/my/organisation/activity">{t('activity.title')}</Link>
              {' · '}
              <a href="#api-clients">{t('apiClients.title')}</a>
              {' · '}
              <a href="#webhooks">{t('webhooks.title')}</a>
              {' · '}
              <Link to="/openness/verification">{t('myOrganisation.verification')}</Link>
            </>
          )}
        </p>
      </header>

      <section aria-labelledby="profile-title" className="panel">
        <h2 id="profile-title">{t('myOrganisation.profileTitle')}</h2>
        {isAdmin ? (
          <OrganisationForm
            idPrefix="organisation"
            initialValues={initialValues}
            withSlug={false}
            submitLabel={t('common.save')}
            onSubmit={async (values) => {
              const result = await updateOrganisation({
                variables: {
                  input: {
                    name: values.name.trim(),
                    kind: values.kind,
                    region: values.region.trim(),
                    website: orNull(values.website),
                    inn: orNull(values.inn),
                    ogrn: orNull(values.ogrn),
                    description: orNull(values.description),
                  },
                },
              });
              return result.data?.updateOrganisation.userErrors ?? [];
            }}
          />
        ) : (
          <p className="muted">{t('myOrganisation.onlyAdminsEdit')}</p>
        )}
      </section>

      <OrganisationPracticesSection
        slug={organisation.slug}
        status="DRAFT"
        headingId="my-drafts-title"
        title={t('practices.draftsSection')}
        emptyText={t('practices.draftsEmpty')}
        note={t('practices.draftsNote')}
        withNewButton={organisation.viewerRole === 'EDITOR' || isAdmin}
      />
      <OrganisationPracticesSection
        slug={organisation.slug}
        status="PUBLISHED"
        headingId="my-practices-title"
        title={t('practices.publishedSection')}
        emptyText={t('practices.organisationEmpty')}
      />

      <MembersSection
        members={members}
        isAdmin={isAdmin}
        onLeft={() => {
          void resetApolloStore(client);
          void session.refetchViewer();
          void navigate('/');
        }}
      />

      {isAdmin && <InvitationsSection />}

      <ApiClientsSection viewerRole={organisation.viewerRole} tokenEndpoint={auth.client.endpoints.token} />

      <WebhooksSection viewerRole={organisation.viewerRole} />
    </div>
  );
}
