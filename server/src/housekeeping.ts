import { expireIdempotencyKeys } from './common/graphql/idempotency.plugin.js';
import type { Orm } from './db/orm.js';
import type { Logger } from './logger.js';

/** How long the log of a finished webhook delivery is kept. */
export const WEBHOOK_LOG_DAYS = 30;

/** Hourly upkeep that is safe to run in every process: expired idempotency keys, old webhook deliveries. */
export function startHousekeeping(orm: Orm, logger: Logger, everyMs = 60 * 60_000): { stop(): void } {
  const run = async () => {
    try {
      const expired = await expireIdempotencyKeys(orm.em.fork(), new Date());
      if (expired) logger.info({ expired }, 'idempotency keys expired');
      const before = new Date(Date.now() - WEBHOOK_LOG_DAYS * 24 * 60 * 60_000);
      const [row] = await orm.em
        .fork()
        .execute<Array<{ n: number }>>('select webhook_expire_deliveries(?) as n', [before]);
      if (row?.n) logger.info({ deliveries: row.n }, 'old webhook deliveries removed');
    } catch (error) {
      logger.warn({ err: error }, 'housekeeping failed; retrying at the next interval');
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs).unref();
  return { stop: () => clearInterval(timer) };
}
