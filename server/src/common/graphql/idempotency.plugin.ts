import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { activeOrganisationId, isAuthenticated } from '../tenancy/actor.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const SECRET_FIELDS = new Set(['clientSecret']);

const refusal = (code: string, message: string, status: number) =>
  new GraphQLError(message, { extensions: { code, http: { status } } });

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
      let scope: { organisationId: string; key: string } | undefined;
      return {
        async didResolveOperation({ operation, contextValue, request: resolved }) {
          if (operation?.operation !== 'mutation') return;
          if (!KEY_PATTERN.test(key)) {
            throw refusal('BAD_USER_INPUT', 'Idempotency-Key: 1–200 printable ASCII characters', 400);
          }
          const organisationId = activeOrganisationId(contextValue.actor);
          if (!organisationId) {
            throw refusal('FORBIDDEN', 'Idempotency keys belong to an organisation: act for one to use them', 403);
          }
          // The key covers who sends it too: another person (or client) of the organisation reusing it is refused.
          const sender = isAuthenticated(contextValue.actor) ? contextValue.actor.subject : '';
          const hash = createHash('sha256')
            .update(JSON.stringify([sender, resolved.query, resolved.operationName ?? null, resolved.variables ?? {}]))
            .digest('hex');
          const em = contextValue.em;
          await em.begin();
          open = true;
          scope = { organisationId, key };
          // Waits on a concurrent holder of the same key until it commits or rolls back.
          const inserted = await em.execute<Array<{ key: string }>>(
            `insert into idempotency_key (organisation_id, key, request_hash) values (?, ?, ?)
             on conflict do nothing returning key`,
            [organisationId, key, hash],
          );
          if (inserted.length) return;
          const [existing] = await em.execute<Array<{ request_hash: string; response: StoredResponse | null }>>(
            'select request_hash, response from idempotency_key where organisation_id = ? and key = ?',
            [organisationId, key],
          );
          if (!existing || existing.request_hash !== hash || !existing.response) {
            await em.rollback();
            open = false;
            throw refusal(
              'IDEMPOTENCY_KEY_REUSED',
              'This Idempotency-Key was used for a different request; use a new key',
              422,
            );
          }
          replay = existing.response;
        },
        async responseForOperation() {
          if (!replay) return null;
          return {
            body: { kind: 'single', singleResult: replay as Record<string, never> },
            http: { headers: new HeaderMap(), status: 200 },
          };
        },
        async willSendResponse({ response, contextValue }) {
          if (!open || !scope) return;
          open = false;
          const em = contextValue.em;
          if (replay) {
            await em.rollback();
            response.http.headers.set('idempotent-replayed', 'true');
            return;
          }
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (!body || body.errors?.length) {
            await em.rollback();
            return;
          }
          await em.execute('update idempotency_key set response = ? where organisation_id = ? and key = ?', [
            // Secrets shown once (an API client's) are not kept: a replay answers null for them.
            JSON.stringify({ data: body.data } satisfies StoredResponse, (name, value: unknown) =>
              SECRET_FIELDS.has(name) ? null : value,
            ),
            scope.organisationId,
            scope.key,
          ]);
          try {
            await em.commit();
          } catch (error) {
            contextValue.logger.error({ err: error }, 'idempotent mutation could not commit');
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  {
                    message: 'The change could not be saved; retry with the same key',
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

/** Forgets idempotency keys older than a day (they only guard retries); returns how many. */
export async function expireIdempotencyKeys(em: EntityManager, now: Date): Promise<number> {
  const [row] = await em.execute<Array<{ n: number }>>(
    `select idempotency_expire(?::timestamptz - interval '1 day') as n`,
    [now],
  );
  return row?.n ?? 0;
}
