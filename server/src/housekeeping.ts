import { expireIdempotencyKeys } from './common/graphql/idempotency.plugin.js';
import type { Orm } from './db/orm.js';
import type { Logger } from './logger.js';

/** Hourly upkeep that is safe to run in every process: expired idempotency keys. */
export function startHousekeeping(orm: Orm, logger: Logger, everyMs = 60 * 60_000): { stop(): void } {
  const run = async () => {
    try {
      const expired = await expireIdempotencyKeys(orm.em.fork(), new Date());
      if (expired) logger.info({ expired }, 'idempotency keys expired');
    } catch (error) {
      logger.warn({ err: error }, 'housekeeping failed; retrying at the next interval');
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs).unref();
  return { stop: () => clearInterval(timer) };
}
