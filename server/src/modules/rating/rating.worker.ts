import { serialRunner } from '../../common/async/serial-runner.js';
import { listenToChannels } from '../../common/db/listen.js';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../logger.js';
import { drainRatingOutbox } from './rating.refresh.js';
import { maintainRatings } from './rating.snapshot.js';

/**
 * Keeps ratings current in the background: drains the rating outbox when a trigger signals a change
 * (and after a lost connection), and runs the upkeep (daily recompute, monthly snapshot) on start and
 * every `upkeepMs`. Reads drain the outbox too, so a leaderboard never waits for this worker.
 */
export function startRatingWorker(options: {
  orm: Orm;
  url: string;
  logger: Logger;
  upkeepMs?: number;
  now?: () => Date;
}): { stop(): Promise<void> } {
  const { orm, logger } = options;
  const now = options.now ?? (() => new Date());
  let stopped = false;
  const { run: drain, idle } = serialRunner(
    async () => {
      try {
        await drainRatingOutbox(orm.em.fork(), now());
      } catch (error) {
        logger.warn({ err: error }, 'rating outbox: refresh failed; the events stay queued');
      }
    },
    () => stopped,
  );

  const upkeep = async () => {
    try {
      const { recomputed, snapshot } = await maintainRatings(orm.em.fork(), now());
      if (recomputed) logger.info('ratings recomputed for every organisation');
      if (snapshot) logger.info({ snapshot: snapshot.id, entries: snapshot.entries }, 'monthly rating snapshot taken');
    } catch (error) {
      logger.warn({ err: error }, 'rating upkeep failed; retrying at the next interval');
    }
  };

  const listener = listenToChannels(options.url, logger, { otklik_rating: drain }, drain);
  let upkeepRun: Promise<void> | undefined = upkeep().then(drain);
  const timer = setInterval(
    () => {
      upkeepRun = upkeep().then(drain);
    },
    options.upkeepMs ?? 60 * 60_000,
  ).unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await listener.stop();
      await Promise.allSettled([idle(), upkeepRun]);
    },
  };
}
