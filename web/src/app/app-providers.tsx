import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { AuthProvider } from './auth/auth-context';
import type { OidcClient } from './auth/oidc-client';
import { currentLanguage } from './i18n/i18n';
import type { ActiveOrganisationStore } from './session/active-organisation-store';
import { SessionProvider } from './session/session-context';

export function AppProviders({
  apollo,
  auth,
  activeOrganisation,
  children,
}: {
  apollo: ApolloClient;
  auth: OidcClient;
  activeOrganisation: ActiveOrganisationStore;
  children: ReactNode;
}) {
  return (
    <ApolloProvider client={apollo}>
      <AuthProvider
        client={auth}
        locale={currentLanguage}
        onSignOut={() => {
          activeOrganisation.set(null);
          void apollo.clearStore().catch(() => undefined);
        }}
      >
        <SessionProvider store={activeOrganisation}>{children}</SessionProvider>
      </AuthProvider>
    </ApolloProvider>
  );
}
