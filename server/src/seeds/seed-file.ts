import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';

export class SeedFileError extends Error {
  override name = 'SeedFileError';
}

/** Reads a YAML seed file and validates it; a bad file fails with its name and the path of every bad value. */
export async function readSeedFile<S extends z.ZodType>(
  seedsDir: string,
  file: string,
  schema: S,
): Promise<z.infer<S>> {
  const fullPath = path.join(seedsDir, file);
  const parsed = schema.safeParse(parse(await readFile(fullPath, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new SeedFileError(`${fullPath} is not valid:\n${problems}`);
  }
  return parsed.data;
}

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../seeds');
