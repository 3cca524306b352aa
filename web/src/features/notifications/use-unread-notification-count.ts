import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { UnreadNotificationCountDocument } from './graphql/notifications';

export const NOTIFICATION_POLL_MS = 30_000;

/**
 * The signed-in person's unread count, kept fresh by polling every 30 seconds (not while the tab
 * is hidden) and on returning to the window. The only place that knows how the count arrives:
 * a subscription can replace the polling here without touching the bell.
 */
export function useUnreadNotificationCount(enabled: boolean) {
  const { data, refetch } = useQuery(UnreadNotificationCountDocument, {
    skip: !enabled,
    fetchPolicy: 'cache-and-network',
    pollInterval: NOTIFICATION_POLL_MS,
    skipPollAttempt: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  });

  useEffect(() => {
    if (!enabled) return;
    const refresh = () => void refetch().catch(() => undefined);
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [enabled, refetch]);

  return {
    count: enabled ? (data?.unreadNotificationCount ?? 0) : 0,
    refresh: () => (enabled ? refetch().then(() => undefined) : Promise.resolve()),
  };
}
