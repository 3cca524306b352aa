import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  countWhenAsked,
  cursorDate,
  decodeCursor,
  pageSize,
  toConnection,
  type Connection,
  type PageArgs,
} from './pagination.js';

export interface KeysetOrder<T> {
  /** The property the list is ordered by (ascending, then by id). */
  column: keyof T & string;
  /** Whether the column is a timestamp (cursor values are ISO dates). */
  date?: boolean;
  /** Newest / largest first. */
  descending?: boolean;
}

/** Rows after the cursor in (column, id) order, either direction. */
function keysetAfter(column: string, value: unknown, id: string, direction: 'asc' | 'desc') {
  const beyond = direction === 'asc' ? '$gt' : '$lt';
  return { $or: [{ [column]: { [beyond]: value } }, { [column]: value, id: { [beyond]: id } }] } as Record<
    string,
    unknown
  >;
}

/** A page of an entity list in (column, id) order, its total counted when asked for; the usual list of a connection. */
export async function keysetPage<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  order: KeysetOrder<T>,
): Promise<Connection<T>> {
  const size = pageSize(args);
  const after = decodeCursor(args.after);
  const direction = order.descending ? 'desc' : 'asc';
  const page = after
    ? { $and: [where, keysetAfter(order.column, order.date ? cursorDate(after) : after.value, after.id, direction)] }
    : where;
  const rows = await em.find(entity, page as FilterQuery<T>, {
    orderBy: { [order.column]: direction, id: direction } as never,
    limit: size + 1,
  });
  const valueOf = (row: T) => {
    const value = row[order.column] as unknown;
    return value instanceof Date ? value.toISOString() : String(value);
  };
  const connection = toConnection(rows, size, 0, (row) => ({ value: valueOf(row), id: row.id }), Boolean(after));
  return countWhenAsked(connection, () => em.count(entity, where));
}
