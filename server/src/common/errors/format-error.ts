import { ConnectionException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from '../../logger.js';
import { isLimitError } from '../graphql/limits.js';
import type { Locale } from '../i18n/locale.js';
import { DomainError, ErrorCode, InputErrors } from './domain-error.js';

const UNAVAILABLE_MESSAGE = {
  ru: 'База данных временно недоступна; повторите через несколько секунд',
  en: 'The database is unavailable for the moment; try again in a few seconds',
};

/** Connection-level failures (refused, reset, server shutting down or starting): retryable, not a bug. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionException) return true;
  // An HTTP call that failed (the identity provider's admin API, say) is not the database.
  if (error instanceof TypeError && error.message === 'fetch failed') return false;
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (
      /Connection terminated|connection is closed|Client has encountered a connection error/i.test(
        String((current as Error).message),
      )
    )
      return true;
    current = (current as { cause?: unknown; previous?: unknown }).previous ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

const TIMEOUT_MESSAGE = {
  ru: 'База данных не успела ответить; сузьте запрос или повторите позже',
  en: 'The database took too long; narrow the request or try again later',
};
const INTERNAL_MESSAGE = { ru: 'Внутренняя ошибка сервера', en: 'Internal server error' };

/** The one place where errors become GraphQL errors: stable codes, no internals, the request's language. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  opts: { locale: Locale; logger: Logger; exposeDetails: boolean },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    return {
      message: original.localized[opts.locale],
      path: formatted.path,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  if (original instanceof InputErrors) {
    const first = original.errors[0];
    return {
      message: first ? first.localized[opts.locale] : 'invalid input',
      path: formatted.path,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        userErrors: original.errors.map((e) => ({ field: e.field, message: e.localized[opts.locale], code: e.code })),
      },
    };
  }
  if (original instanceof ArgumentValidationError) {
    return {
      message: formatted.message,
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  if (isLimitError(original) || (original instanceof GraphQLError && original.extensions.code === 'RATE_LIMITED')) {
    // A refused request: its own code and the figures a client needs (limit, found, retryAfter).
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, extensions };
  }
  if (isDatabaseUnavailable(original)) {
    opts.logger.warn({ err: original, path: formatted.path }, 'database unavailable');
    return {
      message: UNAVAILABLE_MESSAGE[opts.locale],
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  if ((original as { code?: string } | null)?.code === '57014') {
    opts.logger.warn({ err: original, path: formatted.path }, 'statement timeout');
    return {
      message: TIMEOUT_MESSAGE[opts.locale],
      path: formatted.path,
      extensions: { code: ErrorCode.TIMEOUT },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    // Parse, validation and Apollo's own request errors: keep their message and code.
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  opts.logger.error({ err: original, path: formatted.path }, 'unexpected error');
  return {
    message: opts.exposeDetails ? formatted.message : INTERNAL_MESSAGE[opts.locale],
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL },
  };
}
