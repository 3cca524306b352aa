import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from './pagination.js';
import type { LocalizedMessage } from '../errors/domain-error.js';
import { inCurrentLocale } from '../i18n/locale.js';

/** What one GraphQL request may ask for (OWASP GraphQL Cheat Sheet; graphql-armor's defaults or tighter). */
export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { depth: 6, aliases: 15, directives: 10, tokens: 1000, cost: 5000 };

export const LimitCode = {
  DEPTH: 'QUERY_TOO_DEEP',
  ALIASES: 'TOO_MANY_ALIASES',
  DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOKENS: 'QUERY_TOO_LARGE',
  COST: 'QUERY_TOO_COSTLY',
} as const;
const LIMIT_CODES = new Set<string>(Object.values(LimitCode));

/** Whether an error is one of these refusals (the error formatter keeps its code). */
export const isLimitError = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError && LIMIT_CODES.has(String(error.extensions.code));

const limitError = (code: string, message: LocalizedMessage, limit: number, found?: number) =>
  new GraphQLError(inCurrentLocale(message), {
    extensions: { code, limit, ...(found === undefined ? {} : { found }), http: { status: 400 } },
  });

/** Depth (fragments flattened), alias and directive limits as validation rules, each refusing with its own code. */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  const reject =
    (code: string, message: LocalizedMessage, limit: number) =>
    (context: ValidationContext | null, error: GraphQLError) => {
      const found = Number(/found (\d+)/.exec(error.message)?.[1]);
      context?.reportError(limitError(code, message, limit, Number.isFinite(found) ? found : undefined));
    };
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    maxDepthRule({
      ...common,
      n: limits.depth,
      flattenFragments: true,
      onReject: [
        reject(
          LimitCode.DEPTH,
          {
            ru: `Запрос вложен глубже ${limits.depth} уровней`,
            en: `Query is nested deeper than ${limits.depth} levels`,
          },
          limits.depth,
        ),
      ],
    }),
    maxAliasesRule({
      ...common,
      n: limits.aliases,
      onReject: [
        reject(
          LimitCode.ALIASES,
          {
            ru: `В запросе больше ${limits.aliases} псевдонимов`,
            en: `Query uses more than ${limits.aliases} aliases`,
          },
          limits.aliases,
        ),
      ],
    }),
    maxDirectivesRule({
      ...common,
      n: limits.directives,
      onReject: [
        reject(
          LimitCode.DIRECTIVES,
          {
            ru: `В запросе больше ${limits.directives} директив`,
            en: `Query uses more than ${limits.directives} directives`,
          },
          limits.directives,
        ),
      ],
    }),
  ];
}

/** Lexical tokens in a query, counting no further than `max + 1` (so a huge query costs little to refuse). */
export function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A syntax error: the parser reports it with its position.
  }
  return count;
}

export function tokenLimitError(limit: number): GraphQLError {
  return limitError(
    LimitCode.TOKENS,
    { ru: `В запросе больше ${limit} лексем`, en: `Query has more than ${limit} tokens` },
    limit,
  );
}

/**
 * The cost of an operation: every field costs 1; a field with `first`/`last` (from literals or variables),
 * or a connection without them (the default page size), multiplies the cost of what is selected under it.
 * Unlike depth alone, this bounds the rows a request can make the server read.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  ceiling = Number.POSITIVE_INFINITY,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Declared defaults count as sent: `$n: Int = 100` costs 100 per item when the variable is omitted.
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const fallback = definition.defaultValue;
    if (fallback?.kind === Kind.INT) values[definition.variable.name.value] = Number(fallback.value);
  }
  Object.assign(values, variables);
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  // Each fragment is costed once per type it is spread on: repeated spreads cost a lookup, not a walk,
  // so a document cannot make this function itself exponential.
  const memo = new Map<string, number>();
  let steps = 0;

  const selectionCost = (
    type: GraphQLNamedType | null | undefined,
    set: SelectionSetNode,
    seen: Set<string>,
  ): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (++steps > 100_000) return Number.POSITIVE_INFINITY;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        cost += selectionCost(on, selection.selectionSet, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const on = schema.getType(fragment.typeCondition.name.value);
        const key = `${fragment.name.value}@${type?.name ?? ''}`;
        let fragmentCost = memo.get(key);
        if (fragmentCost === undefined) {
          fragmentCost = selectionCost(on, fragment.selectionSet, new Set([...seen, fragment.name.value]));
          memo.set(key, fragmentCost);
        }
        cost += fragmentCost;
      } else {
        const field: GraphQLField<unknown, unknown> | undefined =
          type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[selection.name.value] : undefined;
        const named = field ? getNamedType(field.type) : undefined;
        let multiplier = 1;
        for (const arg of selection.arguments ?? []) {
          if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
          const value =
            arg.value.kind === Kind.INT
              ? Number(arg.value.value)
              : arg.value.kind === Kind.VARIABLE
                ? Number(values[arg.value.name.value] ?? DEFAULT_PAGE_SIZE)
                : DEFAULT_PAGE_SIZE;
          multiplier = Math.max(multiplier, Number.isFinite(value) ? value : DEFAULT_PAGE_SIZE);
        }
        if (multiplier === 1 && named?.name.endsWith('Connection')) multiplier = DEFAULT_PAGE_SIZE;
        // A plain list of objects (reviews of a practice, editions of a review) is bounded by the data,
        // not by the request: it counts as a few items.
        // (A connection's `edges` are its page, counted already.)
        if (
          multiplier === 1 &&
          field &&
          isListOf(field.type) &&
          selection.selectionSet &&
          !type?.name.endsWith('Connection')
        )
          multiplier = LIST_ITEMS;
        cost += 1 + (selection.selectionSet ? multiplier * selectionCost(named, selection.selectionSet, seen) : 0);
      }
      if (cost > ceiling) return cost;
    }
    return cost;
  };
  return selectionCost(root, operation.selectionSet, new Set());
}

/** How many items an unpaged list of objects is assumed to hold. */
const LIST_ITEMS = 5;

const isListOf = (type: GraphQLOutputType): boolean => isListType(getNullableType(type));

export function costLimitError(limit: number, found: number): GraphQLError {
  return limitError(
    LimitCode.COST,
    {
      ru: `Запрос стоил бы ${found} баллов; предел — ${limit}`,
      en: `Query would cost ${found} points; the limit is ${limit}`,
    },
    limit,
    found,
  );
}
