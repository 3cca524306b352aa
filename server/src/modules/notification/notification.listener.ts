import pg from 'pg';
import type { NotificationSignal } from '../../common/graphql/pubsub.js';
import { pubSub } from '../../common/graphql/pubsub.js';
import type { Logger } from '../../logger.js';

const CHANNEL = 'otklik_notification';

/**
 * Listens for new notifications on PostgreSQL's channel and publishes them to this process's
 * subscribers, so a notification written through any API process reaches its recipient's socket.
 * Reconnects after a lost connection.
 */
export function startNotificationListener(url: string, logger: Logger): { stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (delay = 1000) => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        pubSub.publish('NOTIFICATION', JSON.parse(message.payload) as NotificationSignal);
      } catch (error) {
        logger.warn({ err: error }, 'malformed notification signal');
      }
    });
    next.on('error', (error) => {
      logger.warn({ err: error }, 'notification listener lost its connection; reconnecting');
      void next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(Math.min(delay * 2, 30_000)), delay);
    });
    try {
      await next.connect();
      await next.query(`listen ${CHANNEL}`);
      client = next;
    } catch (error) {
      logger.warn({ err: error }, 'notification listener could not connect; retrying');
      await next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(Math.min(delay * 2, 30_000)), delay);
    }
  };
  void connect();

  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
