import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/app-providers';
import { createApolloClient } from './app/apollo/create-apollo-client';
import { createBrowserOidcClient } from './app/auth/oidc-client';
import { loadRuntimeConfig } from './app/config/runtime-config';
import { currentLanguage, initI18n } from './app/i18n/i18n';
import { createAppRouter } from './app/routing/router';
import { ActiveOrganisationStore } from './app/session/active-organisation-store';
import { StartupError } from './app/shell/startup-error';
import './app/styles.css';

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function start() {
  const root = createRoot(document.getElementById('root')!);
  await initI18n();
  let config;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    console.error(error);
    root.render(<StartupError />);
    return;
  }
  const auth = createBrowserOidcClient(config);
  const activeOrganisation = new ActiveOrganisationStore(localStore());
  const apollo = createApolloClient({
    graphqlUrl: config.graphqlUrl,
    auth,
    activeOrganisation,
    language: currentLanguage,
  });
  const router = createAppRouter();
  root.render(
    <StrictMode>
      <AppProviders apollo={apollo} auth={auth} activeOrganisation={activeOrganisation}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
