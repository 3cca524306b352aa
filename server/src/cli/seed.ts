import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { prepareDatabase } from '../db/prepare.js';
import { createLogger } from '../logger.js';
import { seedDatabase } from '../seeds/demo.seed.js';
import { SEEDS_DIR } from '../seeds/seed-file.js';

/** Loads thematic groups and (unless SEED_DEMO_DATA=false) demo data into a migrated database. */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const database = await prepareDatabase(config, logger, (line) => process.stderr.write(`${line}\n`));
await seedDatabase(database.ownerUrl, SEEDS_DIR, { demo: config.SEED_DEMO_DATA, logger });
await database.embedded?.stop();
