import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type OperationDefinitionNode } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import type { LocalizedMessage } from '../errors/domain-error.js';
import { inCurrentLocale } from '../i18n/locale.js';
import { activeOrganisationId, isAuthenticated } from '../tenancy/actor.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const SECRET_FIELDS = new Set(['clientSecret', 'signingSecret']);

const refusal = (code: string, message: LocalizedMessage, status: number) =>
  new GraphQLError(inCurrentLocale(message), { extensions: { code, http: { status } } });

interface StoredResponse {
  data?: unknown;
  errors?: unknown;
}

/**
 * Mutations sent with an `Idempotency-Key` header (unique per organisation) run in one transaction with
 * the key's record: a replay returns the first result without running again, a concurrent duplicate waits
 * for the first and then replays it, and the same key with a different request is refused. A request that
 * fails as a whole (top-level errors, nothing written) releases its key.
 */
export function idempotencyPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return {};
      let open = false;
      let replay: StoredResponse | undefined;
      let scope: { organisationId: string; key: string; hash: string } | undefined;
      const rollback = async (em: Context['em']) => {
        open = false;
        await em.rollback().catch(() => {});
      };
      return {
        // Checks only: no transaction is opened here, since another plugin may still refuse the request.
        async didResolveOperation({ operation, contextValue, request: resolved }) {
          if (operation?.operation !== 'mutation') return;
          if (!KEY_PATTERN.test(key)) {
            throw refusal(
              'BAD_USER_INPUT',
              {
                ru: 'Idempotency-Key: от 1 до 200 печатных символов ASCII',
                en: 'Idempotency-Key: 1–200 printable ASCII characters',
              },
              400,
            );
          }
          const organisationId = activeOrganisationId(contextValue.actor);
          if (!organisationId) {
            throw refusal(
              'FORBIDDEN',
              {
                ru: 'Ключи идемпотентности принадлежат организации: действуйте от имени организации',
                en: 'Idempotency keys belong to an organisation: act for one to use them',
              },
              403,
            );
          }
          if (selectsSecret(operation)) {
            throw refusal(
              'BAD_USER_INPUT',
              {
                ru: 'Ответ с секретом, который показывается один раз, нельзя хранить для повторов: отправьте запрос без Idempotency-Key',
                en: 'A response with a secret shown once cannot be kept for replays: send it without Idempotency-Key',
              },
              400,
            );
          }
          // The key covers who sends it too: another person (or client) of the organisation reusing it is refused.
          const sender = isAuthenticated(contextValue.actor) ? contextValue.actor.subject : '';
          const hash = createHash('sha256')
            .update(JSON.stringify([sender, resolved.query, resolved.operationName ?? null, resolved.variables ?? {}]))
            .digest('hex');
          scope = { organisationId, key, hash };
        },
        // Every plugin has accepted the operation: open the transaction the mutation will run in.
        async responseForOperation({ contextValue }) {
          if (!scope) return null;
          const em = contextValue.em;
          open = true;
          try {
            await em.begin();
            // Waits on a concurrent holder of the same key until it commits or rolls back.
            const inserted = await em.execute<Array<{ key: string }>>(
              `insert into idempotency_key (organisation_id, key, request_hash) values (?, ?, ?)
               on conflict do nothing returning key`,
              [scope.organisationId, scope.key, scope.hash],
            );
            if (inserted.length) return null;
            const [existing] = await em.execute<Array<{ request_hash: string; response: StoredResponse | null }>>(
              'select request_hash, response from idempotency_key where organisation_id = ? and key = ?',
              [scope.organisationId, scope.key],
            );
            if (!existing || existing.request_hash !== scope.hash || !existing.response) {
              await rollback(em);
              return {
                body: {
                  kind: 'single',
                  singleResult: {
                    errors: [
                      {
                        message: inCurrentLocale({
                          ru: 'Этот Idempotency-Key уже использован для другого запроса; возьмите новый ключ',
                          en: 'This Idempotency-Key was used for a different request; use a new key',
                        }),
                        extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
                      },
                    ],
                  },
                },
                http: { headers: new HeaderMap(), status: 422 },
              };
            }
            replay = existing.response;
            await rollback(em);
            return {
              body: { kind: 'single', singleResult: replay as Record<string, never> },
              http: { headers: new HeaderMap(), status: 200 },
            };
          } catch (error) {
            await rollback(em);
            throw error;
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (replay) {
            response.http.headers.set('idempotent-replayed', 'true');
            return;
          }
          if (!open || !scope) return;
          const em = contextValue.em;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (!body || body.errors?.length) {
            // All or nothing: what was written is rolled back, so the client must not see it as done.
            await rollback(em);
            if (body?.data) response.body = { kind: 'single', singleResult: { errors: body.errors, data: null } };
            return;
          }
          try {
            await em.execute('update idempotency_key set response = ? where organisation_id = ? and key = ?', [
              JSON.stringify({ data: body.data } satisfies StoredResponse),
              scope.organisationId,
              scope.key,
            ]);
            await em.commit();
            open = false;
          } catch (error) {
            await rollback(em);
            contextValue.logger.error({ err: error }, 'idempotent mutation could not commit');
            response.body = {
              kind: 'single',
              singleResult: {
                data: null,
                errors: [
                  {
                    message: inCurrentLocale({
                      ru: 'Изменение не удалось сохранить; повторите с тем же ключом',
                      en: 'The change could not be saved; retry with the same key',
                    }),
                    extensions: { code: 'INTERNAL' },
                  },
                ],
              },
            };
          }
        },
      };
    },
  };
}

/** Whether the operation selects a field holding a secret shown once (under any alias). */
function selectsSecret(operation: OperationDefinitionNode): boolean {
  let found = false;
  visit(operation, {
    Field(node) {
      if (SECRET_FIELDS.has(node.name.value)) found = true;
    },
  });
  return found;
}

/** Forgets idempotency keys older than a day (they only guard retries); returns how many. */
export async function expireIdempotencyKeys(em: EntityManager, now: Date): Promise<number> {
  const [row] = await em.execute<Array<{ n: number }>>(
    `select idempotency_expire(?::timestamptz - interval '1 day') as n`,
    [now],
  );
  return row?.n ?? 0;
}
