import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { OidcClient } from './oidc-client';

export interface AuthContextValue {
  client: OidcClient;
  isSignedIn: boolean;
  /** Starts the sign-in redirect; returns to `returnTo` (default: the current page) afterwards. */
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({
  client,
  locale,
  onSignOut,
  children,
}: {
  client: OidcClient;
  locale: () => string;
  onSignOut?: () => void;
  children: ReactNode;
}) {
  const isSignedIn = useSyncExternalStore(client.tokens.subscribe, () => client.isSignedIn());
  const signIn = useCallback(
    (returnTo?: string) =>
      client.signIn({
        returnTo: returnTo ?? `${window.location.pathname}${window.location.search}`,
        locale: locale(),
      }),
    [client, locale],
  );
  const signOut = useCallback(() => {
    onSignOut?.();
    client.signOut();
  }, [client, onSignOut]);
  const value = useMemo(() => ({ client, isSignedIn, signIn, signOut }), [client, isSignedIn, signIn, signOut]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
