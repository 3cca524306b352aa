import { listenToChannels } from '../../common/db/listen.js';
import type { NotificationSignal } from '../../common/graphql/pubsub.js';
import { pubSub } from '../../common/graphql/pubsub.js';
import type { Logger } from '../../logger.js';

/**
 * Listens for new notifications on PostgreSQL's channel and publishes them to this process's
 * subscribers, so a notification written through any API process reaches its recipient's socket.
 */
export function startNotificationListener(url: string, logger: Logger): { stop(): Promise<void> } {
  return listenToChannels(url, logger, {
    otklik_notification: (payload) => {
      try {
        pubSub.publish('NOTIFICATION', JSON.parse(payload) as NotificationSignal);
      } catch (error) {
        logger.warn({ err: error }, 'malformed notification signal');
      }
    },
  });
}
