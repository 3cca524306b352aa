/** Stable error codes, surfaced as `extensions.code` and in mutation `userErrors`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INTERNAL = 'INTERNAL',
  /** The identity provider's keys could not be fetched: retry later, keep the token. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** A database statement ran past its timeout and was cancelled. */
  TIMEOUT = 'TIMEOUT',
}

/** Message in both languages; the mapper picks the request's. */
export interface LocalizedMessage {
  ru: string;
  en: string;
}

/** A failure the caller can understand; never carries internals. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly localized: LocalizedMessage,
    readonly field?: string[],
  ) {
    super(localized.en);
    this.name = 'DomainError';
  }
}

export const notFound = (what: LocalizedMessage = { ru: 'Объект не найден', en: 'Not found' }) =>
  new DomainError(ErrorCode.NOT_FOUND, what);

export const forbidden = (why: LocalizedMessage = { ru: 'Недостаточно прав', en: 'Not allowed' }, field?: string[]) =>
  new DomainError(ErrorCode.FORBIDDEN, why, field);

export const unauthenticated = () =>
  new DomainError(ErrorCode.UNAUTHENTICATED, { ru: 'Требуется вход в систему', en: 'Sign-in required' });

export const badInput = (field: string[], message: LocalizedMessage) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, field);

export const conflict = (message: LocalizedMessage, field?: string[]) =>
  new DomainError(ErrorCode.CONFLICT, message, field);

/** Collects every input problem of a mutation before failing, so the form can show them all at once. */
export class InputErrors extends Error {
  readonly errors: DomainError[] = [];
  constructor() {
    super('invalid input');
    this.name = 'InputErrors';
  }
  add(field: string[], message: LocalizedMessage, code: ErrorCode = ErrorCode.BAD_USER_INPUT): this {
    this.errors.push(new DomainError(code, message, field));
    return this;
  }
  throwIfAny(): void {
    if (this.errors.length) throw this;
  }
}

/** Something that cannot happen unless the data is inconsistent; reported as INTERNAL. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}
