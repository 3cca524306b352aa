import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RequireSignIn } from '../../../app/auth/require-sign-in';
import { useSession } from '../../../app/session/session-context';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { EMPTY_ORGANISATION, OrganisationForm } from '../components/organisation-form';
import { RegisterOrganisationDocument } from '../graphql/organisations';

export function RegisterOrganisationPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('register.title')}>
      <RegisterOrganisation />
    </RequireSignIn>
  );
}

function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value.trim();
}

function RegisterOrganisation() {
  const { t } = useTranslation();
  useDocumentTitle(t('register.title'));
  const navigate = useNavigate();
  const { setActiveOrganisation } = useSession();
  const [register] = useMutation(RegisterOrganisationDocument);

  return (
    <div className="page page--narrow">
      <h1>{t('register.title')}</h1>
      <p className="lead">{t('register.lead')}</p>
      <OrganisationForm
        idPrefix="register"
        initialValues={EMPTY_ORGANISATION}
        withSlug
        submitLabel={t('register.submit')}
        onSubmit={async (values) => {
          const result = await register({
            variables: {
              input: {
                name: values.name.trim(),
                slug: values.slug.trim(),
                kind: values.kind,
                region: values.region.trim(),
                website: optional(values.website),
                inn: optional(values.inn),
                ogrn: optional(values.ogrn),
                description: optional(values.description),
              },
            },
          });
          const payload = result.data?.registerOrganisation;
          if (payload?.organisation && payload.userErrors.length === 0) {
            // The person is the new organisation's admin and now acts for it.
            await setActiveOrganisation(payload.organisation.id);
            void navigate('/my/organisation');
          }
          return payload?.userErrors ?? [];
        }}
      />
    </div>
  );
}
