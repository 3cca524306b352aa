import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../errors/domain-error.js';

const VERSIONED_TABLES = new Set(['practice', 'review', 'comment', 'disclosure']);

export const staleVersion = () =>
  conflict(
    {
      ru: 'Объект уже изменили: обновите страницу и повторите правку',
      en: 'It changed meanwhile: reload it and make the change again',
    },
    ['input', 'version'],
  );

/**
 * Claims the next version of a row inside the caller's transaction: the conditional update
 * locks the row, so of concurrent changes based on the same version exactly one proceeds
 * and the others get CONFLICT. Returns the new version.
 */
export async function claimVersion(
  em: EntityManager,
  table: 'practice' | 'review' | 'comment' | 'disclosure',
  id: string,
  expected: number,
): Promise<number> {
  if (!VERSIONED_TABLES.has(table)) throw new Error(`not a versioned table: ${table}`);
  const claimed = await em.execute<Array<{ version: number }>>(
    `update ${table} set version = version + 1 where id = ? and version = ? returning version`,
    [id, expected],
  );
  if (!claimed.length) throw staleVersion();
  return claimed[0]!.version;
}
