import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../schema.js';

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../../schema/schema.graphql');
const HEADER =
  '# Generated from the server code by `pnpm schema:emit`. Do not edit: CI fails when this file drifts.\n\n';

/** Writes schema/schema.graphql, or with --check fails when the committed file differs from the code. */
async function main(): Promise<void> {
  const emitted = HEADER + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
  if (process.argv.includes('--check')) {
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    if (committed !== emitted) {
      process.stderr.write(
        `schema/schema.graphql differs from the schema the code emits. Run \`pnpm schema:emit\` and commit it.\n`,
      );
      process.exit(1);
    }
    process.stdout.write('schema/schema.graphql matches the code.\n');
    return;
  }
  await writeFile(SCHEMA_FILE, emitted);
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}

await main();
