import { EventEmitter } from 'node:events';
import { listenToChannels } from './common/db/listen.js';
import type { NotificationSignal } from './common/graphql/pubsub.js';
import { pubSub } from './common/graphql/pubsub.js';
import type { Logger } from './logger.js';

/** What open WebSocket connections must hear about access: a client id revoked, or `null` when some may have been missed. */
const revocations = new EventEmitter();

export function onApiClientRevoked(handler: (clientId: string | null) => void): () => void {
  revocations.on('revoked', handler);
  return () => revocations.off('revoked', handler);
}

/**
 * Listens on PostgreSQL's channels for what this process's subscribers need, whichever process wrote it: new
 * notifications (published to their recipients' subscriptions) and revoked API clients (their connections
 * are closed). After a lost connection, revocations sent meanwhile are unknown, so every API client's
 * connection is closed then.
 */
export function startSubscriptionSignals(url: string, logger: Logger): { stop(): Promise<void> } {
  const parse = <T>(payload: string): T | undefined => {
    try {
      return JSON.parse(payload) as T;
    } catch (error) {
      logger.warn({ err: error, payload }, 'malformed signal');
      return undefined;
    }
  };
  return listenToChannels(
    url,
    logger,
    {
      otklik_notification: (payload) => {
        const signal = parse<NotificationSignal>(payload);
        if (signal) pubSub.publish('NOTIFICATION', signal);
      },
      otklik_access_revoked: (payload) => {
        const signal = parse<{ clientId: string }>(payload);
        if (signal) revocations.emit('revoked', signal.clientId);
      },
    },
    () => revocations.emit('revoked', null),
  );
}
