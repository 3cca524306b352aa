import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { MemberRole, PlatformRole, ViewerQuery } from '../../gql/graphql';
import { resetApolloStore } from '../apollo/reset-store';
import { useAuth } from '../auth/auth-context';
import type { ActiveOrganisationStore } from './active-organisation-store';
import { ViewerDocument } from './graphql/viewer';

type Viewer = NonNullable<ViewerQuery['me']>;
export type ViewerMembership = Viewer['memberships'][number];

export interface SessionValue {
  /** null when anonymous (or while the viewer is loading). */
  viewer: Viewer | null;
  loading: boolean;
  error: Error | undefined;
  memberships: ViewerMembership[];
  /** The membership the person currently acts through (the active organisation). */
  activeMembership: ViewerMembership | null;
  setActiveOrganisation: (organisationId: string) => Promise<void>;
  hasPlatformRole: (role: PlatformRole) => boolean;
  hasActiveRole: (...roles: MemberRole[]) => boolean;
  refetchViewer: () => Promise<unknown>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ store, children }: { store: ActiveOrganisationStore; children: ReactNode }) {
  const { isSignedIn } = useAuth();
  const client = useApolloClient();
  const chosenId = useSyncExternalStore(store.subscribe, store.get);
  const { data, loading, error, refetch } = useQuery(ViewerDocument, {
    skip: !isSignedIn,
    fetchPolicy: 'cache-and-network',
  });
  const viewer = isSignedIn ? (data?.me ?? null) : null;
  const memberships = useMemo(() => viewer?.memberships ?? [], [viewer]);

  // The server falls back to the first membership when no organisation is chosen.
  const activeId = viewer?.activeOrganisation?.id ?? chosenId;
  const activeMembership = memberships.find((m) => m.organisation.id === activeId) ?? memberships[0] ?? null;

  // A remembered organisation the person no longer belongs to is forgotten.
  useEffect(() => {
    if (!viewer || !chosenId) return;
    if (!memberships.some((m) => m.organisation.id === chosenId)) {
      store.set(null);
      void resetApolloStore(client);
    }
  }, [viewer, chosenId, memberships, store, client]);

  const setActiveOrganisation = useCallback(
    async (organisationId: string) => {
      // A just-registered organisation is not in the cached memberships yet; fetch them first so
      // that the check above does not forget the choice.
      if (!memberships.some((m) => m.organisation.id === organisationId)) await refetch();
      store.set(organisationId);
      // Everything the API said was said for the previous organisation.
      await resetApolloStore(client);
    },
    [store, client, memberships, refetch],
  );

  const value = useMemo<SessionValue>(
    () => ({
      viewer,
      loading: isSignedIn && loading && !data,
      error,
      memberships,
      activeMembership,
      setActiveOrganisation,
      hasPlatformRole: (role) => viewer?.platformRoles.includes(role) ?? false,
      hasActiveRole: (...roles) => (activeMembership ? roles.includes(activeMembership.role) : false),
      refetchViewer: () => refetch(),
    }),
    [viewer, isSignedIn, loading, data, error, memberships, activeMembership, setActiveOrganisation, refetch],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
