import pg from 'pg';
import type { Logger } from '../../logger.js';

/**
 * Listens on PostgreSQL channels with a dedicated connection and calls the handler of each channel
 * with the payload; reconnects after a lost connection (backing off up to 30 s) and calls `onReconnect`,
 * since signals sent while disconnected are lost. `onConnected` runs on every (re)connection and
 * `onDisconnected` when the connection is lost, for those who must not trust silence meanwhile.
 */
export function listenToChannels(
  url: string,
  logger: Logger,
  handlers: Record<string, (payload: string) => void>,
  onReconnect?: () => void,
  onConnected?: () => void,
  onDisconnected?: () => void,
): { stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let connectedBefore = false;

  const connect = async (delay = 1000) => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => handlers[message.channel]?.(message.payload ?? ''));
    const again = () => {
      if (!stopped) retry = setTimeout(() => void connect(Math.min(delay * 2, 30_000)), delay);
    };
    next.on('error', (error) => {
      if (client === next) onDisconnected?.();
      client = undefined;
      logger.warn({ err: error, channels: Object.keys(handlers) }, 'listener lost its connection; reconnecting');
      void next.end().catch(() => {});
      again();
    });
    try {
      await next.connect();
      for (const channel of Object.keys(handlers)) await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      client = next;
      onConnected?.();
      if (connectedBefore) onReconnect?.();
      connectedBefore = true;
    } catch (error) {
      logger.warn({ err: error, channels: Object.keys(handlers) }, 'listener could not connect; retrying');
      await next.end().catch(() => {});
      again();
    }
  };
  void connect();

  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      if (client) onDisconnected?.();
      await client?.end().catch(() => {});
    },
  };
}
