import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { Context } from '../../context.js';
import { activeOrganisationId } from '../tenancy/actor.js';
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
 * to the client address and to the organisation acted for (429 with Retry-After when a budget is spent).
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
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost > limits.cost) throw costLimitError(limits.cost, cost);
          const organisationId = activeOrganisationId(contextValue.actor);
          const verdict = limiter.take(
            [
              { key: `ip:${contextValue.clientIp}`, perMinute: rates.perIpPerMinute },
              ...(organisationId ? [{ key: `org:${organisationId}`, perMinute: rates.perOrganisationPerMinute }] : []),
            ],
            cost,
          );
          if (!verdict.ok) throw rateLimitedError(verdict.retryAfter);
        },
      };
    },
  };
}
