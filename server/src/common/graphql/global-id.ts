import { badInput } from '../errors/domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque Relay id: base64url of "Type:uuid". */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 1) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  return UUID.test(id) ? { type, id } : null;
}

/** The uuid inside a global id of the expected type; a malformed or foreign-typed id is a field error. */
export function parseGlobalId(globalId: string, expectedType: string, field: string[]): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== expectedType) {
    throw badInput(field, {
      ru: `Некорректный идентификатор (ожидается ${expectedType})`,
      en: `Malformed id (expected a ${expectedType} id)`,
    });
  }
  return parsed.id;
}
