import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Row = Record<string, unknown>;
type Mapper<T> = (row: Row) => T;

const mappers = new WeakMap<object, Mapper<unknown>>();

/**
 * Read-only entities from raw rows, for lists that are only rendered: each is an instance of the entity's class
 * (its getters and methods work) with its scalar properties converted as MikroORM would, but it is not
 * registered in the identity map, so reading a page costs no entity bookkeeping. Never persist one; load the
 * entity with the EntityManager to change it.
 */
export function detachedEntities<T extends object>(
  em: EntityManager,
  entity: abstract new (...args: never[]) => T,
  rows: readonly Row[],
): T[] {
  let mapper = mappers.get(entity) as Mapper<T> | undefined;
  if (!mapper) {
    mapper = buildMapper(em, em.getMetadata().get(entity as never) as EntityMetadata<T>, entity.prototype as T);
    mappers.set(entity, mapper as Mapper<unknown>);
  }
  return rows.map(mapper);
}

/** The scalar properties stored in one column each: what a detached entity is built from. */
function mappedProps<T>(meta: EntityMetadata<T>): EntityProperty<T>[] {
  return meta.props.filter(
    (prop) => prop.kind === ReferenceKind.SCALAR && prop.fieldNames?.length === 1 && prop.persist !== false,
  );
}

function buildMapper<T>(em: EntityManager, meta: EntityMetadata<T>, prototype: T): Mapper<T> {
  const platform = em.getPlatform();
  const columns = mappedProps(meta).map((prop: EntityProperty<T>) => {
    const field = prop.fieldNames[0]!;
    const convert = (value: unknown): unknown => {
      if (value === null || value === undefined) return value;
      if (prop.runtimeType === 'Date' && !(value instanceof Date)) return platform.parseDate(value as string);
      return prop.customType ? prop.customType.convertToJSValue(value, platform) : value;
    };
    return { field, name: prop.name as string, convert };
  });
  return (row) => {
    const instance = Object.create(prototype as object) as Record<string, unknown>;
    for (const { field, name, convert } of columns) {
      if (field in row) instance[name] = convert(row[field]);
    }
    return instance as T;
  };
}

/** An entity's rows by id, as detached entities (see detachedEntities); row-level security applies as to any read. */
export async function findDetachedByIds<T extends object>(
  em: EntityManager,
  entity: abstract new (...args: never[]) => T,
  ids: readonly string[],
): Promise<T[]> {
  const table = em.getMetadata().get(entity as never).tableName;
  const rows = await em.execute<Row[]>(
    `select ${entityColumns(em, entity)} from "${table}" where id = any(?::uuid[])`,
    [`{${ids.join(',')}}`],
  );
  return detachedEntities(em, entity, rows);
}

const columnLists = new WeakMap<object, Map<string, string>>();

/** The entity's mapped columns as a select list (`alias."column", …`): what its detached entities need, and no more. */
export function entityColumns(
  em: EntityManager,
  entity: abstract new (...args: never[]) => object,
  alias?: string,
): string {
  const lists = columnLists.get(entity) ?? new Map<string, string>();
  columnLists.set(entity, lists);
  let list = lists.get(alias ?? '');
  if (!list) {
    list = mappedProps(em.getMetadata().get(entity as never))
      .map((prop) => `${alias ? `${alias}.` : ''}"${prop.fieldNames[0]}"`)
      .join(', ');
    lists.set(alias ?? '', list);
  }
  return list;
}
