import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { Context } from '../../context.js';
import { activeOrganisationId, isAuthenticated } from '../tenancy/actor.js';
import { costLimitError, countTokens, operationCost, tokenLimitError, type QueryLimits } from './limits.js';
import { CostRateLimiter, rateLimitedError, type RateLimits } from './rate-limit.js';

/** Refuses queries with too many tokens before they are parsed. */
export function tokenLimit(limit: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const query: unknown = req.body?.query;
    if (typeof query === 'string' && countTokens(query, limit) > limit) {
      const error = tokenLimitError(limit);
      res
        .status(400)
        .json({ errors: [{ message: error.message, extensions: { code: error.extensions.code, limit } }] });
      return;
    }
    next();
  };
}

/**
 * Once the operation is known: refuses it when it would cost more than the limit, then charges its cost
 * to the organisation acted for, or to the client address when anonymous (429 with Retry-After when the
 * budget is spent).
 */
export function costAndRatePlugin(
  limits: QueryLimits,
  rates: RateLimits,
  limiter = new CostRateLimiter(),
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, limits.cost);
          if (cost > limits.cost) throw costLimitError(limits.cost, cost);
          contextValue.operationCost = cost;
          // Anonymous requests spend their address's budget; signed-in ones their organisation's (or, acting
          // for none, their own), so colleagues behind one address do not share a visitor's budget.
          const organisationId = activeOrganisationId(contextValue.actor);
          const charge = organisationId
            ? { key: `org:${organisationId}`, perMinute: rates.perOrganisationPerMinute }
            : isAuthenticated(contextValue.actor)
              ? { key: `sub:${contextValue.actor.subject}`, perMinute: rates.perIpPerMinute }
              : { key: `ip:${contextValue.clientIp}`, perMinute: rates.perIpPerMinute };
          const verdict = limiter.take([charge], cost);
          if (!verdict.ok) throw rateLimitedError(verdict.retryAfter);
        },
      };
    },
  };
}
