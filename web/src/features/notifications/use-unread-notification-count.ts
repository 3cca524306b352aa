import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect } from 'react';
import { NotificationReceivedDocument, UnreadNotificationCountDocument } from './graphql/notifications';

/** A slow safety net: new notifications arrive over the WebSocket subscription at once. */
export const NOTIFICATION_POLL_MS = 120_000;

/**
 * The signed-in person's unread count: pushed live by the `notificationReceived` subscription,
 * refreshed on returning to the window, and polled slowly in case the socket is down. The only
 * place that knows how the count arrives.
 */
export function useUnreadNotificationCount(enabled: boolean) {
  const { data, refetch } = useQuery(UnreadNotificationCountDocument, {
    skip: !enabled,
    fetchPolicy: 'cache-and-network',
    pollInterval: NOTIFICATION_POLL_MS,
    skipPollAttempt: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  });

  useSubscription(NotificationReceivedDocument, {
    skip: !enabled,
    onData: () => void refetch().catch(() => undefined),
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
