import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { createOrm } from '../db/orm.js';
import { prepareDatabase } from '../db/prepare.js';
import { createLogger } from '../logger.js';
import { recomputeAllRatings } from '../modules/rating/rating.refresh.js';
import { takeRatingSnapshot } from '../modules/rating/rating.snapshot.js';

/**
 * Rating upkeep by hand (the API does both on its own: daily and monthly):
 *   ratings recompute   recompute every organisation's rating inputs from the source tables
 *                       (--recount: first rebuild practices' review counts from the reviews)
 *   ratings snapshot    recompute, then record an ON_DEMAND snapshot
 */
const command = process.argv[2];
if (command !== 'recompute' && command !== 'snapshot') {
  process.stderr.write('usage: pnpm ratings recompute|snapshot\n');
  process.exit(2);
}
const config = loadConfig();
const say = (line: string) => process.stderr.write(`${line}\n`);
const database = await prepareDatabase(config, createLogger(config.LOG_LEVEL), say);
const orm = await createOrm({ url: database.appUrl });
try {
  const now = new Date();
  const started = performance.now();
  const organisations = await recomputeAllRatings(orm.em.fork(), now, { recount: process.argv.includes('--recount') });
  say(`recomputed ${organisations} organisations in ${Math.round(performance.now() - started)} ms`);
  if (command === 'snapshot') {
    const snapshot = await takeRatingSnapshot(orm.em.fork(), now, 'ON_DEMAND', 'cli');
    say(`snapshot ${snapshot?.id} recorded ${snapshot?.entries} ratings`);
  }
} finally {
  await orm.close(true);
  await database.embedded?.stop();
}
