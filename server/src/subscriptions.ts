import type { Server } from 'node:http';
import {
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { createTokenVerifier, VerifiedToken } from './common/auth/token-verifier.js';
import {
  costLimitError,
  countTokens,
  limitValidationRules,
  operationCost,
  tokenLimitError,
  type QueryLimits,
} from './common/graphql/limits.js';
import { localeFromHeader } from './common/i18n/locale.js';
import { createContext, type Settings } from './context.js';
import type { Orm } from './db/orm.js';
import type { Logger } from './logger.js';
import { ACTIVE_ORGANISATION_HEADER, resolveActor } from './modules/member/actor.service.js';
import type { MembershipCache } from './modules/member/membership-cache.js';
import { onApiClientRevoked } from './subscription-signals.js';

type SocketExtra = {
  auth?: VerifiedToken;
  socket?: WebSocket;
};

/** Closes a connection whose access ended; the client reconnects with a current token, or is refused. */
export const ACCESS_ENDED = 4403;
/** setTimeout's longest delay; a later expiry is re-checked then. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

const param = (params: Record<string, unknown> | undefined, name: string) => {
  const value = params?.[name] ?? params?.[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
};

/**
 * GraphQL subscriptions over WebSocket at /graphql (graphql-ws). The client authenticates in
 * `connectionParams` ({ authorization: 'Bearer …', 'x-otklik-organisation': …, 'accept-language': … });
 * a missing or bad token closes the socket (4403). Each operation gets its own context, as HTTP does.
 * A connection lasts no longer than its token (closed with 4403 when it expires) nor than its API client
 * (closed when the client is revoked, in whichever process).
 */
export function attachSubscriptions(opts: {
  httpServer: Server;
  schema: GraphQLSchema;
  orm: Orm;
  verifier: ReturnType<typeof createTokenVerifier>;
  logger: Logger;
  now: () => Date;
  settings: Settings;
  queryLimits: QueryLimits;
  memberships?: MembershipCache;
}): { dispose(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: opts.httpServer, path: '/graphql' });
  const open = new Map<WebSocket, { clientId?: string; timer?: NodeJS.Timeout }>();
  const end = (socket: WebSocket, reason: string) => {
    clearTimeout(open.get(socket)?.timer);
    open.delete(socket);
    socket.close(ACCESS_ENDED, reason);
  };
  const closeAtExpiry = (socket: WebSocket, expiresAt: Date) => {
    const entry = open.get(socket);
    if (!entry) return;
    const wait = expiresAt.getTime() - Date.now();
    if (wait <= 0) {
      end(socket, 'Token expired');
      return;
    }
    entry.timer = setTimeout(() => closeAtExpiry(socket, expiresAt), Math.min(wait, LONGEST_TIMER_MS)).unref();
  };
  const stopRevocations = onApiClientRevoked((clientId) => {
    for (const [socket, entry] of open) {
      if (entry.clientId && (clientId === null || entry.clientId === clientId)) end(socket, 'API client revoked');
    }
  });
  const rules = [...specifiedRules, ...limitValidationRules(opts.queryLimits)];
  const cleanup = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema: opts.schema,
      // Subscriptions only (queries and mutations go over HTTP, through the rate limits and idempotency),
      // within the same limits as over HTTP: tokens before parsing, cost, then depth, aliases, directives.
      onSubscribe: (_ctx, _id, payload) => {
        if (countTokens(payload.query, opts.queryLimits.tokens) > opts.queryLimits.tokens)
          return [tokenLimitError(opts.queryLimits.tokens)];
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch {
          return undefined; // graphql-ws answers the syntax error itself
        }
        const operations = document.definitions.filter(
          (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
        );
        const operation =
          operations.find((o) => o.name?.value === payload.operationName) ??
          (operations.length === 1 ? operations[0] : undefined);
        if (!operation || operation.operation !== 'subscription') {
          return [
            new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        const cost = operationCost(opts.schema, document, operation, payload.variables ?? {}, opts.queryLimits.cost);
        return cost > opts.queryLimits.cost ? [costLimitError(opts.queryLimits.cost, cost)] : undefined;
      },
      validate: (schema, document) => validate(schema, document, rules),
      onConnect: async (ctx) => {
        const header = param(ctx.connectionParams, 'authorization');
        const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
        if (!token) return false;
        try {
          const auth = await opts.verifier.verify(token);
          // Refuses a revoked or unregistered API client, and an organisation the person cannot act for.
          await resolveActor(opts.orm.em.fork(), auth, param(ctx.connectionParams, ACTIVE_ORGANISATION_HEADER), {
            now: opts.now(),
            logger: opts.logger,
            memberships: opts.memberships,
          });
          const { socket } = ctx.extra as SocketExtra;
          (ctx.extra as SocketExtra).auth = auth;
          if (socket) {
            open.set(socket, { clientId: auth.isServiceAccount ? auth.clientId : undefined });
            closeAtExpiry(socket, auth.expiresAt);
          }
          return true;
        } catch (error) {
          opts.logger.info({ err: error }, 'subscription refused: bad token or no access');
          return false;
        }
      },
      onClose: (ctx) => {
        const { socket } = ctx.extra as SocketExtra;
        if (!socket) return;
        clearTimeout(open.get(socket)?.timer);
        open.delete(socket);
      },
      context: async (ctx) => {
        const em = opts.orm.em.fork();
        const logger = opts.logger.child({ transport: 'websocket' });
        const actor = await resolveActor(
          em,
          (ctx.extra as SocketExtra).auth,
          param(ctx.connectionParams, ACTIVE_ORGANISATION_HEADER),
          { now: opts.now(), logger, memberships: opts.memberships },
        );
        return createContext({
          requestId: '',
          clientIp:
            (ctx.extra as { request?: { socket?: { remoteAddress?: string } } }).request?.socket?.remoteAddress ?? '',
          locale: localeFromHeader(param(ctx.connectionParams, 'accept-language')),
          actor,
          em,
          logger,
          now: opts.now,
          settings: opts.settings,
        });
      },
    },
    wsServer,
  );
  return {
    dispose: async () => {
      stopRevocations();
      for (const entry of open.values()) clearTimeout(entry.timer);
      open.clear();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
