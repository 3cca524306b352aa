import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { prepareDatabase } from '../db/prepare.js';
import { createLogger } from '../logger.js';

/** Applies migrations (and the application role's grants) to DATABASE_URL, or to the embedded database. */
const config = loadConfig();
const database = await prepareDatabase(config, createLogger(config.LOG_LEVEL), (line) =>
  process.stderr.write(`${line}\n`),
);
await database.embedded?.stop();
