import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DomainError, ErrorCode, InputErrors } from '../errors/domain-error.js';
import type { Locale } from '../i18n/locale.js';

export enum UserErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input.',
  valuesConfig: {
    BAD_USER_INPUT: { description: 'A value is missing, malformed or out of range.' },
    CONFLICT: {
      description: 'The change collides with existing data (a duplicate, a stale version, a state that forbids it).',
    },
    FORBIDDEN: { description: 'The actor may not make this change.' },
    NOT_FOUND: { description: 'The object does not exist or is not visible to the actor.' },
  },
});

@ObjectType({ description: 'A problem with a mutation input the user can fix; nothing was changed.' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'Stable machine-readable code.' })
  code!: UserErrorCode;

  @Field({ description: "Human-readable message in the request's language (Accept-Language: ru or en)." })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, e.g. ["input", "inn"].' })
  field?: string[];
}

const USER_FIXABLE = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONFLICT,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
]);

/**
 * Runs a mutation body; domain errors the user can fix become `userErrors` in the payload
 * (the caller's transaction has rolled back by then), anything else propagates.
 */
export async function withUserErrors<T extends object>(
  locale: Locale,
  body: () => Promise<T>,
): Promise<T & { userErrors: UserError[] }> {
  try {
    return { ...(await body()), userErrors: [] };
  } catch (error) {
    const errors = error instanceof InputErrors ? error.errors : error instanceof DomainError ? [error] : null;
    if (!errors || !errors.every((e) => USER_FIXABLE.has(e.code))) throw error;
    return {
      userErrors: errors.map((e) => ({
        code: e.code as unknown as UserErrorCode,
        message: e.localized[locale],
        field: e.field,
      })),
    } as T & { userErrors: UserError[] };
  }
}
