import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import type { OidcClient } from '../auth/oidc-client';
import type { ActiveOrganisationStore } from '../session/active-organisation-store';

export const ORGANISATION_HEADER = 'X-Otklik-Organisation';

export interface ApolloClientDependencies {
  graphqlUrl: string;
  auth: OidcClient;
  activeOrganisation: ActiveOrganisationStore;
  language: () => string;
}

function isUnauthenticated(error: unknown): boolean {
  if (ServerError.is(error)) return error.statusCode === 401;
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  }
  return false;
}

/** Request headers for the API: bearer token, active organisation, language. */
export async function requestHeaders(
  deps: Omit<ApolloClientDependencies, 'graphqlUrl'>,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = { 'Accept-Language': deps.language() };
  const token = await deps.auth.getAccessToken();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
    const organisationId = deps.activeOrganisation.get();
    if (organisationId) headers[ORGANISATION_HEADER] = organisationId;
  }
  return headers;
}

export function createApolloClient(deps: ApolloClientDependencies): ApolloClient {
  const contextLink = new SetContextLink(async (prevContext) => ({
    headers: { ...(prevContext.headers as Record<string, string> | undefined), ...(await requestHeaders(deps)) },
  }));

  // A token the server no longer accepts: forget it and repeat the request anonymously once.
  const errorLink = new ErrorLink(({ error, operation, forward }) => {
    const token = deps.auth.tokens.get();
    if (token && isUnauthenticated(error) && !operation.getContext().retriedAnonymously) {
      deps.auth.forgetSession();
      operation.setContext({ retriedAnonymously: true });
      return forward(operation);
    }
  });

  const http = ApolloLink.from([errorLink, contextLink, new HttpLink({ uri: deps.graphqlUrl })]);
  // Subscriptions go over one lazily opened WebSocket that authenticates in its connection
  // parameters; it reconnects (with fresh parameters) after a drop.
  const ws = new GraphQLWsLink(
    createClient({
      url: new URL(deps.graphqlUrl, window.location.href).toString().replace(/^http/, 'ws'),
      lazy: true,
      retryAttempts: Infinity,
      connectionParams: async () => {
        const headers = await requestHeaders(deps);
        return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
      },
    }),
  );
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    ws,
    http,
  );

  return new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // One viewer per client; its memberships are replaced wholesale on refetch.
        Me: { keyFields: [] },
      },
    }),
    clientAwareness: { name: 'otklik-web', version: '0.1.0' },
  });
}
