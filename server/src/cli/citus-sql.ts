import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CITUS_SQL_FILE, citusDistributionSql, DISTRIBUTION } from '../db/distribution.js';

/** Writes ops/citus/distribute.sql from the table placement in server/src/db/distribution.ts. */
await writeFile(CITUS_SQL_FILE, citusDistributionSql(DISTRIBUTION));
process.stdout.write(`wrote ${path.relative(process.cwd(), CITUS_SQL_FILE)}\n`);
